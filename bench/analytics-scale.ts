import { pathToFileURL } from 'node:url';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  analyticsOverview,
  checkRollouts,
  createFlow,
  createManualClock,
  flowAnalytics,
  publishVersion,
  type RuntimeContext,
  saveDraft,
  setRollout,
} from '@switchyard/runtime';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { openBenchDatabase } from './bench-database';
import { summarise } from './measure';
import { type BenchRow, fmtMs } from './report';

const DATABASE = 'bench_analytics';
const TICKETS = 1_000_000;
/** Tickets spread evenly over a year up to TODAY: a 30-day window holds about 82,000 of them. */
const DAYS = 365;
const TODAY = '2026-12-06';
const FLOW = 'bench-desk';
const ROUNDS = 15;
const BUCKET = (ms: string) => `case when ${ms} < 1 then 0 else floor(ln(${ms}) / ln(1.02) + 1e-9)::int + 1 end`;

function deskFlow(category: string) {
  const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config, position: { x: 0, y: 0 } });
  return {
    id: FLOW,
    name: 'Bench desk',
    description: '',
    nodes: [
      node('start', 'ticket_created'),
      node('categorize', 'set_category', { category }),
      node('wait', 'wait_for_event', { event: 'agent.reply', timeout: '1h' }),
      node('resolve', 'set_status', { status: 'resolved' }),
      node('escalate', 'escalate', { level: 1 }),
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'categorize' },
      { id: 'e2', source: 'categorize', sourceHandle: 'next', target: 'wait' },
      { id: 'e3', source: 'wait', sourceHandle: 'event', target: 'resolve' },
      { id: 'e4', source: 'wait', sourceHandle: 'timeout', target: 'escalate' },
    ],
  };
}

/**
 * 1,000,000 tickets with their flow bindings, outcomes, two audit entries each (creation and
 * the flow's first step) and their analytics rollups, written in bulk by SQL with the
 * definitions of `contributions` and `flowCounters` (the rollups the workers keep), then
 * vacuumed. Skipped when the database already holds them.
 */
async function build(db: Kysely<never>, ctx: RuntimeContext): Promise<void> {
  const have = await sql<{ n: number }>`select count(*)::int as n from analytics_tickets`.execute(db);
  if ((have.rows[0]?.n ?? 0) === TICKETS) return;
  await sql`truncate tickets, ticket_flows, ticket_outcomes, flow_version_outcomes, audit_log, analytics_tickets, analytics_daily, analytics_flow_daily, flows, flow_versions, deployments, customers cascade`.execute(
    db,
  );
  await createFlow(ctx, { name: 'Bench desk', document: deskFlow('logistics') }, 'bench');
  await publishVersion(ctx, FLOW, 'bench');
  await saveDraft(ctx, FLOW, deskFlow('inquiry'), 'bench');
  await publishVersion(ctx, FLOW, 'bench');
  await sql`insert into customers (id, name, tier, contact) values ('c1', '', 'standard', null)`.execute(db);
  const n = TICKETS - 1;
  const facts = sql.raw(`
    select i, 'b' || i as id,
      timestamptz '${TODAY}T00:00:00Z' - (i % ${DAYS}) * interval '1 day' + (i * 7 % 86400) * interval '1 second' as created_at,
      (array['chat','email','web','phone','social'])[i % 5 + 1] as channel,
      (array['logistics','after_sales','tech_support','finance','pre_sales','supervisors'])[(i / 5) % 6 + 1] as grp,
      (array['logistics','after_sales','fault','billing','inquiry','complaint'])[(i / 7) % 6 + 1] as category,
      case when i % 10 < 7 then 'resolved' when i % 10 = 7 then 'closed' when i % 10 = 8 then 'processing' else 'new' end as status,
      'agent' || (i % 40) as assignee,
      case when i % 20 = 0 then null else (i::bigint * 7919 % 7200000) + 1000 end as fr,
      (i::bigint * 104729 % 172800000) as res_ms,
      i % 4 as replies, i % 50 = 0 as reopened,
      case when i % 3 = 0 then 1 + i % 5 end as csat, i % 17 = 0 as breached,
      case when i % 10 = 0 then 2 else 1 end as version,
      case when i % 17 = 0 then 3600000 else (i::bigint * 7919 % 3600000) end as wait_ms
    from generate_series(0, ${n}) i`);
  await sql`create temporary table bench_facts as ${facts}`.execute(db);
  await sql`insert into tickets (id, number, channel, subject, body, customer_id, order_id, category, priority, status, "group", assignee, tags, flags, escalation_level, stats, created_at, updated_at, wake_at)
    select id, 'B' || i, channel, '', '', 'c1', null, category, 'normal', status, grp, assignee, '[]', '[]', 0, '{}', created_at, created_at, null from bench_facts`.execute(
    db,
  );
  await sql`insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at) select id, ${FLOW}, version, null, '{}', created_at from bench_facts`.execute(
    db,
  );
  await sql`insert into ticket_outcomes (ticket_id, flow_id, version, started_at, completed_at, errored_at, escalated_at, sla_breached_at, first_response_at, resolved_at)
    select id, ${FLOW}, version, created_at,
      case when status in ('resolved', 'closed') then created_at + res_ms * interval '1 millisecond' end,
      case when i % 50 = 7 then created_at end,
      case when breached then created_at + interval '1 hour' end,
      case when breached then created_at + interval '1 hour' end,
      case when fr is not null then created_at + fr * interval '1 millisecond' end,
      case when status in ('resolved', 'closed') then created_at + res_ms * interval '1 millisecond' end
    from bench_facts`.execute(db);
  await sql`insert into audit_log (at, actor, ticket_id, flow_id, kind, detail)
    select created_at, 'bench', id, null, 'ticket.created', jsonb_build_object('$v', 1, 'number', 'B' || i, 'channel', channel, 'flows', jsonb_build_array(jsonb_build_object('flowId', ${FLOW}::text, 'version', version))) from bench_facts
    union all
    select created_at, 'runtime', id, ${FLOW}, 'flow.transition', jsonb_build_object('$v', 1, 'event', 'ticket.created', 'from', '_idle', 'to', 'wait', 'visits', jsonb_build_array('start', 'categorize', 'wait')) from bench_facts`.execute(
    db,
  );
  await sql`insert into analytics_tickets (ticket_id, created_at, channel, grp, category, status, assignee, first_response_ms, resolved_at, agent_replies, reopened, csat, breached)
    select id, created_at, channel, grp, category, status, assignee, fr, case when status in ('resolved', 'closed') then created_at + res_ms * interval '1 millisecond' end, replies, reopened, csat, breached from bench_facts`.execute(
    db,
  );
  const done = `status in ('resolved', 'closed')`;
  const day = `(created_at at time zone 'UTC')::date`;
  await sql
    .raw(
      `insert into analytics_daily (day, grp, channel, metric, key, n, total)
    select day, grp, channel, metric, key, count(*), sum(total) from (
      select ${day} as day, grp, channel, 'status' as metric, status as key, 0::float8 as total from bench_facts
      union all select ${day}, grp, channel, 'category', category, 0 from bench_facts
      union all select ${day}, grp, channel, 'channel', channel, 0 from bench_facts
      union all select ${day}, grp, channel, 'first_response', (${BUCKET('fr')})::text, fr from bench_facts where fr is not null
      union all select ${day}, grp, channel, 'resolution', (${BUCKET('res_ms')})::text, res_ms from bench_facts where ${done}
      union all select ${day}, grp, channel, 'done', '', 0 from bench_facts where ${done}
      union all select ${day}, grp, channel, 'fcr', '', 0 from bench_facts where ${done} and replies <= 1 and not reopened
      union all select ${day}, grp, channel, 'automated', '', 0 from bench_facts where ${done} and replies = 0
      union all select ${day}, grp, channel, 'csat', csat::text, csat from bench_facts where csat is not null
      union all select ${day}, grp, channel, 'breached', '', 0 from bench_facts where breached
      union all select ${day}, grp, channel, 'overdue', '', 0 from bench_facts where breached and not ${done}
      union all select ${day}, grp, channel, 'agent', assignee, 0 from bench_facts
      union all select ${day}, grp, channel, 'agent_done', assignee, 0 from bench_facts where ${done}
      union all select ${day}, grp, channel, 'agent_csat', assignee, csat from bench_facts where csat is not null
      union all select ${day}, grp, channel, 'agent_overdue', assignee, 0 from bench_facts where breached and not ${done}
    ) x group by day, grp, channel, metric, key`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into analytics_flow_daily (day, flow_id, version, metric, key, n, total)
    select day, '${FLOW}', version, metric, key, count(*), sum(total) from (
      select ${day} as day, version, 'bound' as metric, '' as key, 0::float8 as total from bench_facts
      union all select ${day}, version, 'enter', node, 0 from bench_facts, unnest(array['start', 'categorize', 'wait']) node
      union all select ${day}, version, 'edge', e, 0 from bench_facts, unnest(array['start>categorize', 'categorize>wait']) e
      union all select ${day}, version, 'enter', case when breached then 'escalate' else 'resolve' end, 0 from bench_facts
      union all select ${day}, version, 'edge', case when breached then 'wait>escalate' else 'wait>resolve' end, 0 from bench_facts
      union all select ${day}, version, 'wait', 'wait|' || (${BUCKET('wait_ms')})::text, wait_ms from bench_facts
      union all select ${day}, version, 'timeout', 'wait', 0 from bench_facts where breached
      union all select ${day}, version, 'escalate', 'escalate', 0 from bench_facts where breached
      union all select ${day}, version, 'categorized', 'categorize', 0 from bench_facts
    ) x group by day, version, metric, key`,
    )
    .execute(db);
  await sql`drop table bench_facts`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

async function medianOf(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return summarise(samples).median;
}

/**
 * Issue 19's scale target on the real PostgreSQL: with 1,000,000 tickets (a year of them) and
 * their history and rollups, the overview and a flow's analytics for a 30-day window under
 * 300 ms, and the rollout guardrail check under 50 ms.
 */
export async function benchAnalyticsScale(): Promise<BenchRow[]> {
  const store = await openBenchDatabase(DATABASE, { fresh: false });
  try {
    const ctx: RuntimeContext = {
      db: store.db,
      registry: createNodeRegistry(builtinNodes),
      clock: createManualClock(`${TODAY}T12:00:00Z`),
      logger: pino({ level: 'silent' }),
    };
    const started = performance.now();
    await build(store.db as unknown as Kysely<never>, ctx);
    const built = performance.now() - started;
    await setRollout(
      ctx,
      FLOW,
      { stable: 1, candidate: 2, percent: 10, guardrails: [{ metric: 'errorRate', worseThanStableBy: 50, minTickets: 10 }] },
      'bench',
    );
    const window = { from: '2026-11-07', to: TODAY };
    const overview = await medianOf(() => analyticsOverview(ctx, window));
    const filtered = await medianOf(() => analyticsOverview(ctx, { ...window, group: 'logistics', channel: 'chat' }));
    const flow = await medianOf(() => flowAnalytics(ctx, FLOW, window));
    const guardrail = await medianOf(() => checkRollouts(ctx));
    const { total } = await analyticsOverview(ctx, window);
    const bench = 'analytics (PostgreSQL, 1M tickets)';
    const row = (metric: string, ms: number, target: number): BenchRow => ({
      bench,
      metric: `${metric} (median of ${ROUNDS})`,
      value: fmtMs(ms),
      target: `< ${target} ms`,
      pass: ms < target,
    });
    return [
      {
        bench,
        metric: 'data set: tickets / in the 30-day window',
        value: `${TICKETS.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`,
      },
      { bench, metric: 'bulk build (0 when already built)', value: fmtMs(built) },
      row('GET /api/analytics/overview, 30 days', overview, 300),
      row('GET /api/analytics/overview, 30 days, one group and channel', filtered, 300),
      row('GET /api/flows/:id/analytics, 30 days', flow, 300),
      row('rollout guardrail check', guardrail, 50),
    ];
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { renderTable } = await import('./report');
  console.log(renderTable(await benchAnalyticsScale()));
}
