import type { NodeTickets, NodeTicketsQuery } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock';
import { rowHoldsFlow, rowHoldsKind, rowSince } from '../audit/audit-entries';
import type { Database } from '../db/schema';
import { requireFlow } from '../rollout/deployment-state';
import { addDays, periodOf } from './period';

/**
 * GET /api/flows/:id/analytics/tickets: tickets behind a node's figure in the period, newest
 * first: those that entered it (from the audit's transitions), or those a person moved or
 * re-categorized after it decided (the rule-quality marks).
 * @example const { tickets } = await nodeTickets(ctx, 'intake', { node: 'categorize', mark: 'corrected' });
 */
export async function nodeTickets(
  ctx: { db: Kysely<Database>; clock: Clock },
  flowId: string,
  query: NodeTicketsQuery,
): Promise<NodeTickets> {
  await requireFlow(ctx.db, flowId);
  const period = periodOf(query, ctx.clock);
  const start = new Date(`${period.from}T00:00:00Z`);
  const end = new Date(`${addDays(period.to, 1)}T00:00:00Z`);
  const limit = query.limit ?? 20;
  const mark = query.mark ?? 'entered';
  const rows =
    mark === 'entered'
      ? await ctx.db
          .selectFrom('audit_entries as a')
          .innerJoin('tickets as t', 't.id', 'a.ticket_id')
          .select(['t.id', 't.number', sql<Date>`max(a.at)`.as('at')])
          .where('a.flow_id', '=', flowId)
          .where(rowHoldsFlow(flowId, 'a'))
          .where('a.kind', '=', 'flow.transition')
          .where(rowHoldsKind('flow.transition', 'a'))
          .where('a.at', '>=', start)
          .where(rowSince(start, 'a'))
          .where('a.at', '<', end)
          .where(sql<boolean>`jsonb_exists(a.detail->'visits', ${query.node})`)
          .groupBy(['t.id', 't.number'])
          .orderBy(sql`max(a.at)`, 'desc')
          .orderBy('t.id')
          .limit(limit)
          .execute()
      : await ctx.db
          .selectFrom('analytics_rule_marks as m')
          .innerJoin('tickets as t', 't.id', 'm.ticket_id')
          .select(['t.id', 't.number', 'm.at'])
          .where('m.flow_id', '=', flowId)
          .where('m.node_id', '=', query.node)
          .where('m.mark', '=', mark)
          .where('m.at', '>=', start)
          .where('m.at', '<', end)
          .orderBy('m.at', 'desc')
          .orderBy('t.id')
          .limit(limit)
          .execute();
  return { tickets: rows.map((r) => ({ id: r.id, number: r.number, at: new Date(r.at).toISOString() })) };
}
