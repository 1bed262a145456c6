import { type Kysely, sql } from 'kysely';
import { AUDIT_ENTRY_COLUMNS } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import type { Database } from '../db/schema';
import { storedFactsOf } from './next-facts';
import { flowCounters, type OpenWait, waitKey } from './flow-counters';
import { contributions, sumContributions, type Contribution } from './ticket-facts';
import type { FlowCounter } from './write-rollups';

/** What the rollups hold, and what a full recount gives; equal when every transaction kept them. */
export interface AnalyticsRecount {
  readonly daily: { readonly stored: Contribution[]; readonly recounted: Contribution[] };
  readonly flow: { readonly stored: FlowCounter[]; readonly recounted: FlowCounter[] };
  /** Tickets whose facts row disagrees with the ticket row (status, group, category, assignee, channel), or is missing. */
  readonly staleFacts: string[];
}

/**
 * Recounts the analytics rollups from scratch: the daily rows from every ticket's facts, the
 * flow counters by replaying the whole audit log in order (versions from the bindings), and
 * checks each facts row against its ticket. Reads everything: for tests and repairs, not requests.
 * @example const { daily } = await recountAnalytics(db); // daily.stored deep-equals daily.recounted
 */
export async function recountAnalytics(db: Kysely<Database>): Promise<AnalyticsRecount> {
  const facts = await db.selectFrom('analytics_tickets').selectAll().execute();
  const recountedDaily = sumContributions(facts.flatMap((r) => contributions(storedFactsOf(r))));
  const storedDaily = (
    await db
      .selectFrom('analytics_daily')
      // Summed over the shards (migration 0034), as the readers do.
      .select([
        'grp',
        'channel',
        'metric',
        'key',
        sql<string>`sum(n)`.as('n'),
        sql<number>`sum(total)`.as('total'),
        sql<string>`day::text`.as('day'),
      ])
      .groupBy(['day', 'grp', 'channel', 'metric', 'key'])
      .execute()
  )
    .map((r) => ({ day: r.day, group: r.grp, channel: r.channel, metric: r.metric, key: r.key, n: Number(r.n), total: Number(r.total) }))
    .filter((c) => c.n !== 0 || c.total !== 0);

  const bindings = await db.selectFrom('ticket_flows').select(['ticket_id', 'flow_id', 'version']).execute();
  const versions = new Map(bindings.map((b) => [waitKey(b.ticket_id, b.flow_id), b.version]));
  const rows = await db.selectFrom('audit_entries').select(AUDIT_ENTRY_COLUMNS).orderBy('row_id').orderBy('ordinal').execute();
  const open = new Map<string, OpenWait>();
  const replayed = flowCounters(
    rows.map((r) => readAuditRow(r)),
    (t, f) => versions.get(waitKey(t, f)),
    open,
  );
  const marks = await db.selectFrom('analytics_rule_marks').selectAll().execute();
  for (const m of marks) {
    const version = versions.get(waitKey(m.ticket_id, m.flow_id));
    if (version !== undefined)
      replayed.push({ day: m.at.toISOString().slice(0, 10), flowId: m.flow_id, version, metric: m.mark, key: m.node_id, n: 1, total: 0 });
  }
  const storedFlow = (
    await db
      .selectFrom('analytics_flow_daily')
      .select([
        'flow_id',
        'version',
        'metric',
        'key',
        sql<string>`sum(n)`.as('n'),
        sql<number>`sum(total)`.as('total'),
        sql<string>`day::text`.as('day'),
      ])
      .groupBy(['day', 'flow_id', 'version', 'metric', 'key'])
      .execute()
  )
    .map((r) => ({
      day: r.day,
      flowId: r.flow_id,
      version: r.version,
      metric: r.metric,
      key: r.key,
      n: Number(r.n),
      total: Number(r.total),
    }))
    .filter((c) => c.n !== 0);

  const tickets = await db.selectFrom('tickets').select(['id', 'channel', 'group', 'category', 'status', 'assignee']).execute();
  const byId = new Map(facts.map((f) => [f.ticket_id, f]));
  const staleFacts = tickets
    .filter((t) => {
      const f = byId.get(t.id);
      return (
        !f ||
        f.channel !== t.channel ||
        f.grp !== (t.group ?? '') ||
        f.category !== (t.category ?? '') ||
        f.status !== t.status ||
        f.assignee !== (t.assignee ?? '')
      );
    })
    .map((t) => t.id);
  return {
    daily: { stored: sortDaily(storedDaily), recounted: sortDaily(recountedDaily) },
    flow: { stored: sortFlow(storedFlow), recounted: sortFlow(sumFlow(replayed)) },
    staleFacts,
  };
}

function sumFlow(list: readonly FlowCounter[]): FlowCounter[] {
  const sums = new Map<string, FlowCounter>();
  for (const c of list) {
    const id = JSON.stringify([c.flowId, c.day, c.version, c.metric, c.key]);
    const s = sums.get(id);
    sums.set(id, s ? { ...s, n: s.n + c.n, total: s.total + c.total } : c);
  }
  return [...sums.values()].filter((c) => c.n !== 0);
}

const keyOf = (parts: readonly (string | number)[]) => JSON.stringify(parts);
function sortDaily(list: readonly Contribution[]): Contribution[] {
  return [...list].sort((a, b) =>
    keyOf([a.day, a.group, a.channel, a.metric, a.key]) < keyOf([b.day, b.group, b.channel, b.metric, b.key]) ? -1 : 1,
  );
}
function sortFlow(list: readonly FlowCounter[]): FlowCounter[] {
  return [...list].sort((a, b) =>
    keyOf([a.flowId, a.day, a.version, a.metric, a.key]) < keyOf([b.flowId, b.day, b.version, b.metric, b.key]) ? -1 : 1,
  );
}
