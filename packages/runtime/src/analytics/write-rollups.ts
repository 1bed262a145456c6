import { type Compilable, type Insertable, type Kysely, sql } from 'kysely';
import type { AnalyticsDailyTable, AnalyticsFlowDailyTable, Database } from '../db/schema';
import type { StoredFacts } from './next-facts';
import type { Contribution } from './ticket-facts';

/** The upsert of the tickets' facts rows (undefined: none), to send with a batch's other writes. */
export function factsUpsert(trx: Kysely<Database>, facts: readonly StoredFacts[]): Compilable<unknown> | undefined {
  if (facts.length === 0) return undefined;
  return trx
    .insertInto('analytics_tickets')
    .values(
      facts.map((f) => ({
        ticket_id: f.ticketId,
        created_at: f.createdAt,
        channel: f.channel,
        grp: f.group,
        category: f.category,
        status: f.status,
        assignee: f.assignee,
        first_response_ms: f.firstResponseMs,
        resolved_at: f.resolvedAt,
        agent_replies: f.agentReplies,
        reopened: f.reopened,
        csat: f.csat,
        breached: f.breached,
        routed_flow: f.routedFlow,
        routed_node: f.routedNode,
        routed_at: f.routedAt,
        categorized_flow: f.categorizedFlow,
        categorized_node: f.categorizedNode,
        misrouted: f.misrouted,
        corrected: f.corrected,
      })),
    )
    .onConflict((oc) =>
      oc.column('ticket_id').doUpdateSet((eb) => ({
        channel: eb.ref('excluded.channel'),
        grp: eb.ref('excluded.grp'),
        category: eb.ref('excluded.category'),
        status: eb.ref('excluded.status'),
        assignee: eb.ref('excluded.assignee'),
        first_response_ms: eb.ref('excluded.first_response_ms'),
        resolved_at: eb.ref('excluded.resolved_at'),
        agent_replies: eb.ref('excluded.agent_replies'),
        reopened: eb.ref('excluded.reopened'),
        csat: eb.ref('excluded.csat'),
        breached: eb.ref('excluded.breached'),
        routed_flow: eb.ref('excluded.routed_flow'),
        routed_node: eb.ref('excluded.routed_node'),
        routed_at: eb.ref('excluded.routed_at'),
        categorized_flow: eb.ref('excluded.categorized_flow'),
        categorized_node: eb.ref('excluded.categorized_node'),
        misrouted: eb.ref('excluded.misrouted'),
        corrected: eb.ref('excluded.corrected'),
      })),
    );
}

/**
 * The daily rows a delta adds to, in key order (two transactions never wait on each other's rows in opposite orders),
 * in one shard (`rollupShard`).
 */
export function dailyRows(delta: readonly Contribution[], shard: number): Insertable<AnalyticsDailyTable>[] {
  return [...delta]
    .sort((a, b) => compareKeys([a.day, a.group, a.channel, a.metric, a.key], [b.day, b.group, b.channel, b.metric, b.key]))
    .map((c) => ({ day: c.day, grp: c.group, channel: c.channel, metric: c.metric, key: c.key, shard, n: c.n, total: c.total }));
}

/** Adds contributions to the daily rows of one shard, in key order: a statement, undefined for none. */
export function dailyUpsert(trx: Kysely<Database>, delta: readonly Contribution[], shard: number): Compilable<unknown> | undefined {
  if (delta.length === 0) return undefined;
  return trx
    .insertInto('analytics_daily')
    .values(dailyRows(delta, shard))
    .onConflict((oc) =>
      oc.columns(['day', 'grp', 'channel', 'metric', 'key', 'shard']).doUpdateSet({
        n: sql`analytics_daily.n + excluded.n`,
        total: sql`analytics_daily.total + excluded.total`,
      }),
    );
}

/** One counter of a flow on a day. */
export interface FlowCounter {
  readonly day: string;
  readonly flowId: string;
  readonly version: number;
  readonly metric: string;
  readonly key: string;
  readonly n: number;
  readonly total: number;
}

/** The flow counters' rows in one shard (`rollupShard`), summed by key and in key order. */
export function flowCounterRows(counters: readonly FlowCounter[], shard: number): Insertable<AnalyticsFlowDailyTable>[] {
  const sums = new Map<string, { counter: FlowCounter; sortKey: readonly string[]; n: number; total: number }>();
  for (const c of counters) {
    // A joined key (NUL never appears in ids, days or keys): this runs for every counter of every batch.
    const id = `${c.flowId}\u0000${c.day}\u0000${c.version}\u0000${c.metric}\u0000${c.key}`;
    const s = sums.get(id);
    if (s) {
      s.n += c.n;
      s.total += c.total;
    } else
      sums.set(id, { counter: c, sortKey: [c.flowId, c.day, String(c.version).padStart(9, '0'), c.metric, c.key], n: c.n, total: c.total });
  }
  return [...sums.values()]
    .sort((a, b) => compareKeys(a.sortKey, b.sortKey))
    .map(({ counter: c, n, total }) => ({
      day: c.day,
      flow_id: c.flowId,
      version: c.version,
      metric: c.metric,
      key: c.key,
      shard,
      n,
      total,
    }));
}

/** Adds to the flow counters of one shard, summed by key and in key order: one statement, undefined for none. */
export function flowCountersUpsert(
  trx: Kysely<Database>,
  counters: readonly FlowCounter[],
  shard: number,
): Compilable<unknown> | undefined {
  const rows = flowCounterRows(counters, shard);
  if (rows.length === 0) return undefined;
  return trx
    .insertInto('analytics_flow_daily')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['flow_id', 'day', 'version', 'metric', 'key', 'shard']).doUpdateSet({
        n: sql`analytics_flow_daily.n + excluded.n`,
        total: sql`analytics_flow_daily.total + excluded.total`,
      }),
    );
}

/** Orders keys as the database orders text under the C collation would; both writers only need one consistent order. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
