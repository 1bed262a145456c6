import type { AnalyticsOverview, OverviewQuery } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock } from '../clock';
import { quantileOfBuckets, type BucketCount } from './duration-buckets';
import { addDays, daysOf, type Period, periodOf } from './period';

/** Summed daily rows: per metric, per key, per day. */
interface Row {
  readonly day: string;
  readonly metric: string;
  readonly key: string;
  readonly n: number;
  readonly total: number;
}

/**
 * GET /api/analytics/overview: the team dashboard over tickets created in the period, read from
 * the daily rollup (a few rows per day, group and channel, whatever the ticket count). How each
 * figure is computed: README, "Analytics"; the numerators are `contributions` in ticket-facts.ts.
 * @example const { total, fcr } = await analyticsOverview(ctx, { from: '2026-12-01', to: '2026-12-07' });
 */
export async function analyticsOverview(ctx: { db: Kysely<Database>; clock: Clock }, query: OverviewQuery): Promise<AnalyticsOverview> {
  const period = periodOf(query, ctx.clock);
  const filter = (q: ReturnType<typeof base>) => {
    let f = q;
    if (query.group !== undefined) f = f.where('grp', '=', query.group);
    if (query.channel !== undefined) f = f.where('channel', '=', query.channel);
    return f;
  };
  const base = () => ctx.db.selectFrom('analytics_daily');
  // Per metric and key over the period; the day kept only where a figure needs it (volume by day).
  const summed = await filter(base())
    .select([
      sql<string | null>`case when metric = 'status' then day::text end`.as('day'),
      'metric',
      'key',
      sql<string>`sum(n)`.as('n'),
      sql<number>`sum(total)`.as('total'),
    ])
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy([sql`1`, 'metric', 'key'])
    .execute();
  const overdueRows = await filter(base())
    .select(['metric', 'key', sql<string>`sum(n)`.as('n')])
    .where('metric', 'in', ['overdue', 'agent_overdue'])
    .groupBy(['metric', 'key'])
    .execute();
  const medians = await agentMedians(ctx.db, period, query);
  const rows: Row[] = summed.map((r) => ({ day: r.day ?? '', metric: r.metric, key: r.key, n: Number(r.n), total: Number(r.total) }));
  return {
    ...period,
    group: query.group ?? null,
    channel: query.channel ?? null,
    ...overviewFigures(rows, daysOf(period)),
    overdue: overdueRows.filter((r) => r.metric === 'overdue').reduce((s, r) => s + Number(r.n), 0),
    agents: agentFigures(rows, new Map(overdueRows.filter((r) => r.metric === 'agent_overdue').map((r) => [r.key, Number(r.n)])), medians),
  };
}

type Figures = Omit<AnalyticsOverview, 'from' | 'to' | 'group' | 'channel' | 'overdue' | 'agents'>;

/** The figures from summed rows (pure: the recount test feeds it rows summed from the facts). */
export function overviewFigures(rows: readonly Row[], days: readonly string[]): Figures {
  const of = (metric: string) => rows.filter((r) => r.metric === metric);
  const sum = (list: readonly Row[]) => list.reduce((s, r) => s + r.n, 0);
  const byKey = (metric: string) => {
    const map = new Map<string, number>();
    for (const r of of(metric)) map.set(r.key, (map.get(r.key) ?? 0) + r.n);
    return map;
  };
  const total = sum(of('status'));
  const share = (n: number, d: number) => (d === 0 ? null : n / d);
  const keyCounts = (metric: string) =>
    [...byKey(metric)]
      .filter(([, n]) => n !== 0)
      .map(([key, count]) => ({ key, count, share: share(count, total) }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const perDay = new Map<string, number>();
  for (const r of of('status')) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.n);
  const done = sum(of('done'));
  const csat = of('csat');
  const responses = sum(csat);
  const satisfied = sum(csat.filter((r) => r.key === '4' || r.key === '5'));
  const rate = (count: number, d: number) => ({ count, of: d, rate: share(count, d) });
  return {
    total,
    byStatus: keyCounts('status'),
    byDay: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    byCategory: keyCounts('category'),
    byChannel: channelCounts(rows, total),
    firstResponse: durationFigure(of('first_response')),
    resolution: durationFigure(of('resolution')),
    fcr: rate(sum(of('fcr')), done),
    csat: {
      responses,
      mean: responses === 0 ? null : csat.reduce((s, r) => s + r.total, 0) / responses,
      satisfiedShare: share(satisfied, responses),
      responseRate: share(responses, done),
    },
    slaBreachRate: rate(sum(of('breached')), total),
    automationCoverage: rate(sum(of('automated')), done),
  };
}

/** Per channel (a dimension of the rows, counted once more as a metric so a filtered overview still has it). */
function channelCounts(rows: readonly Row[], total: number) {
  const map = new Map<string, number>();
  for (const r of rows) if (r.metric === 'channel') map.set(r.key, (map.get(r.key) ?? 0) + r.n);
  return [...map]
    .filter(([, n]) => n !== 0)
    .map(([key, count]) => ({ key, count, share: total === 0 ? null : count / total }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

function bucketsOf(rows: readonly Row[]): BucketCount[] {
  const map = new Map<number, { n: number; total: number }>();
  for (const r of rows) {
    const bucket = Number(r.key);
    const c = map.get(bucket) ?? { n: 0, total: 0 };
    map.set(bucket, { n: c.n + r.n, total: c.total + r.total });
  }
  return [...map].map(([bucket, c]) => ({ bucket, ...c }));
}

function durationFigure(rows: readonly Row[]) {
  const buckets = bucketsOf(rows);
  return {
    count: buckets.reduce((s, b) => s + b.n, 0),
    medianMs: quantileOfBuckets(buckets, 0.5),
    p90Ms: quantileOfBuckets(buckets, 0.9),
  };
}

/** Per agent: tickets assigned, handled (done), median first response, CSAT, overdue now. */
export function agentFigures(
  rows: readonly Row[],
  overdue: ReadonlyMap<string, number>,
  medians: ReadonlyMap<string, number>,
): AnalyticsOverview['agents'] {
  interface Acc {
    tickets: number;
    handled: number;
    responses: number;
    csatTotal: number;
  }
  const agents = new Map<string, Acc>();
  const acc = (agent: string) => {
    let a = agents.get(agent);
    if (!a) {
      a = { tickets: 0, handled: 0, responses: 0, csatTotal: 0 };
      agents.set(agent, a);
    }
    return a;
  };
  for (const r of rows) {
    if (r.metric === 'agent') acc(r.key).tickets += r.n;
    else if (r.metric === 'agent_done') acc(r.key).handled += r.n;
    else if (r.metric === 'agent_csat') {
      const a = acc(r.key);
      a.responses += r.n;
      a.csatTotal += r.total;
    }
  }
  for (const [agent] of overdue) acc(agent);
  return [...agents]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([agent, a]) => ({
      agent,
      tickets: a.tickets,
      handled: a.handled,
      firstResponseMedianMs: medians.get(agent) ?? null,
      csatMean: a.responses === 0 ? null : a.csatTotal / a.responses,
      csatResponses: a.responses,
      overdue: overdue.get(agent) ?? 0,
    }))
    .filter((a) => a.tickets > 0 || a.overdue > 0);
}

/**
 * Each agent's exact median first response over the period's tickets (the mean of the two
 * middle ones for an even count): read from the facts rows by creation time, an index-only
 * scan of the period (not of the history), since per-agent buckets per day would outnumber them.
 */
async function agentMedians(db: Kysely<Database>, period: Period, query: OverviewQuery): Promise<Map<string, number>> {
  let q = db
    .selectFrom('analytics_tickets')
    .select(['assignee', sql<number>`percentile_cont(0.5) within group (order by first_response_ms)`.as('median')])
    .where('created_at', '>=', new Date(`${period.from}T00:00:00Z`))
    .where('created_at', '<', new Date(`${addDays(period.to, 1)}T00:00:00Z`))
    .where('assignee', '<>', '')
    .where('first_response_ms', 'is not', null)
    .groupBy('assignee');
  if (query.group !== undefined) q = q.where('grp', '=', query.group);
  if (query.channel !== undefined) q = q.where('channel', '=', query.channel);
  return new Map((await q.execute()).map((r) => [r.assignee, Number(r.median)]));
}
