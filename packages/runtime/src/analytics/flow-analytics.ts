import type { FlowAnalytics, FlowAnalyticsQuery } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { getVersion } from '../catalog/get-version';
import { requireFlow } from '../rollout/deployment-state';
import { requirePublished } from '../rollout/require-published';
import { quantileOfBuckets, type BucketCount } from './duration-buckets';
import { periodOf } from './period';

/**
 * GET /api/flows/:id/analytics: per node and edge of the flow, the counters of the period
 * (one version, or all of them) read from the per-day flow rollup: tickets entering each node,
 * each edge's count and share of its source's, each wait's median and p95 time and timeout
 * share, errors per action, and the rule-quality figures. Nodes and edges are those of the
 * version asked for (else the latest published one).
 * @example const { nodes, edges } = await flowAnalytics(ctx, 'intake', { from: '2026-12-01', to: '2026-12-07' });
 */
export async function flowAnalytics(
  ctx: { db: Kysely<Database>; clock: Clock },
  flowId: string,
  query: FlowAnalyticsQuery,
): Promise<FlowAnalytics> {
  await requireFlow(ctx.db, flowId);
  if (query.version !== undefined) await requirePublished(ctx.db, flowId, query.version, 'version');
  const period = periodOf(query, ctx.clock);
  let q = ctx.db
    .selectFrom('analytics_flow_daily')
    .select(['version', 'metric', 'key', sql<string>`sum(n)`.as('n'), sql<number>`sum(total)`.as('total')])
    .where('flow_id', '=', flowId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy(['version', 'metric', 'key']);
  if (query.version !== undefined) q = q.where('version', '=', query.version);
  const rows = (await q.execute()).map((r) => ({
    version: r.version,
    metric: r.metric,
    key: r.key,
    n: Number(r.n),
    total: Number(r.total),
  }));
  const latest = await ctx.db
    .selectFrom('flow_versions')
    .select(sql<number | null>`max(version)`.as('v'))
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
  const shown = query.version ?? latest?.v ?? null;
  const published = shown === null ? undefined : await getVersion(ctx.db, flowId, shown);
  const counts = new Map<string, number>();
  const waits = new Map<string, BucketCount[]>();
  for (const r of rows) {
    if (r.metric === 'wait') {
      const cut = r.key.lastIndexOf('|');
      const node = r.key.slice(0, cut);
      const list = waits.get(node) ?? [];
      list.push({ bucket: Number(r.key.slice(cut + 1)), n: r.n, total: r.total });
      waits.set(node, list);
    } else {
      const id = `${r.metric}\u0000${r.key}`;
      counts.set(id, (counts.get(id) ?? 0) + r.n);
    }
  }
  const count = (metric: string, key = '') => counts.get(`${metric}\u0000${key}`) ?? 0;
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  const per100 = (n: number, d: number) => (d === 0 ? null : (100 * n) / d);
  const tickets = count('bound');
  const nodes = (published?.document.nodes ?? []).map((node) => {
    const kind = published?.compiled.nodes[node.id]?.kind ?? 'unknown';
    const wait = waits.get(node.id) ?? [];
    const ended = wait.reduce((s, b) => s + b.n, 0);
    const timeouts = count('timeout', node.id);
    const routed = count('routed', node.id);
    const misroutes = count('misroute', node.id);
    const categorized = count('categorized', node.id);
    const corrections = count('corrected', node.id);
    return {
      id: node.id,
      kind,
      type: node.type,
      entered: count('enter', node.id),
      errors: count('error', node.id),
      deadLettered: count('dead', node.id),
      wait:
        kind === 'wait'
          ? {
              count: ended,
              medianMs: quantileOfBuckets(wait, 0.5),
              p95Ms: quantileOfBuckets(wait, 0.95),
              timeouts,
              timeoutShare: rate(timeouts, ended),
            }
          : null,
      routed,
      misroutes,
      misrouteRate: rate(misroutes, routed),
      categorized,
      corrections,
      accuracy: categorized === 0 ? null : (categorized - corrections) / categorized,
      handoffs: count('handoff', node.id),
      escalations: count('escalate', node.id),
    };
  });
  const seen = new Set<string>();
  const edgeCounts = (published?.document.edges ?? []).map((e) => {
    const pair = `${e.source}>${e.target}`;
    // Two handles of one node to the same target cannot be told apart: the first edge takes the count.
    const n = seen.has(pair) ? 0 : count('edge', pair);
    seen.add(pair);
    return { id: e.id, source: e.source, target: e.target, count: n };
  });
  const leaving = new Map<string, number>();
  for (const e of edgeCounts) leaving.set(e.source, (leaving.get(e.source) ?? 0) + e.count);
  const versions = await ctx.db
    .selectFrom('analytics_flow_daily')
    .select('version')
    .distinct()
    .where('flow_id', '=', flowId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .orderBy('version')
    .execute();
  const all = (metric: string) => [...counts].filter(([k]) => k.startsWith(`${metric}\u0000`)).reduce((s, [, n]) => s + n, 0);
  return {
    flowId,
    ...period,
    version: query.version ?? null,
    versions: versions.map((v) => v.version),
    tickets,
    handoffsPer100: per100(all('handoff'), tickets),
    escalationsPer100: per100(all('escalate'), tickets),
    nodes,
    edges: edgeCounts.map((e) => ({ ...e, share: rate(e.count, leaving.get(e.source) ?? 0) })),
  };
}
