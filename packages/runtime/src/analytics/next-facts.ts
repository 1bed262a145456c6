import { type InferResult, type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEntry } from '../audit/audit-entry';
import type { AnalyticsTicketsTable, Database } from '../db/schema';
import { readStored } from '../db/stored/read-stored';
import { StoredDataError } from '../db/stored/stored-data-error';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import { isDone, type TicketFacts } from './ticket-facts';

/** A misroute is a person moving a ticket within this long of the flow's assignment. */
export const MISROUTE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Flow actions that move a ticket to a group or a person: a move without one is a person's. */
const ROUTING_ACTIONS: ReadonlySet<string> = new Set(['assign', 'transfer', 'handoff', 'escalate']);

/** A facts row with what rule quality remembers of the flow's last routing and categorizing. */
export interface StoredFacts extends TicketFacts {
  readonly routedFlow: string | null;
  readonly routedNode: string | null;
  readonly routedAt: Date | null;
  readonly categorizedFlow: string | null;
  readonly categorizedNode: string | null;
  readonly misrouted: boolean;
  readonly corrected: boolean;
}

/** The ticket as it is now, with the outcomes its flows recorded. */
export interface CurrentTicket {
  readonly id: string;
  readonly createdAt: Date;
  readonly channel: string;
  readonly group: string;
  readonly category: string;
  readonly status: string;
  readonly assignee: string;
  readonly agentReplies: number;
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly breached: boolean;
}

/** A rule-quality mark: a person undid what a flow's node decided. */
export interface RuleMark {
  readonly ticketId: string;
  readonly flowId: string;
  readonly nodeId: string;
  readonly mark: 'misroute' | 'corrected';
  readonly at: Date;
}

/**
 * The facts rows of the tickets (locked: the ticket's writers already hold its row) and the tickets now:
 * two queries, for the caller to send together with its other reads (`sendTogether`); `ticketFactsOf` reads their rows.
 */
export function ticketFactsQueries(trx: Kysely<Database>, ids: readonly string[]) {
  return {
    facts: trx.selectFrom('analytics_tickets').selectAll().where('ticket_id', 'in', ids).orderBy('ticket_id').forUpdate(),
    tickets: trx
      .selectFrom('tickets as t')
      .select(['t.id', 't.created_at', 't.channel', 't.group', 't.category', 't.status', 't.assignee', 't.tags', 't.stats'])
      .select([
        sql<Date | null>`(select min(o.first_response_at) from ticket_outcomes o where o.ticket_id = t.id)`.as('first_response_at'),
        sql<Date | null>`(select min(o.resolved_at) from ticket_outcomes o where o.ticket_id = t.id)`.as('resolved_at'),
        sql<boolean>`exists (select 1 from ticket_outcomes o where o.ticket_id = t.id and o.sla_breached_at is not null)`.as('breached'),
      ])
      .where('t.id', 'in', ids),
  };
}

type FactsQueries = ReturnType<typeof ticketFactsQueries>;

/** The facts before and the tickets now, from the rows of `ticketFactsQueries`. */
export function ticketFactsOf(
  rows: readonly InferResult<FactsQueries['facts']>[number][],
  tickets: readonly InferResult<FactsQueries['tickets']>[number][],
): { before: Map<string, StoredFacts>; current: Map<string, CurrentTicket> } {
  const before = new Map(rows.map((r): [string, StoredFacts] => [r.ticket_id, storedFactsOf(r)]));
  const current = new Map(
    tickets.map((t): [string, CurrentTicket] => {
      const stats = statsOrNone(t.id, t.stats);
      const agentReply = stats.firstAgentReplyAt === null ? null : new Date(stats.firstAgentReplyAt);
      return [
        t.id,
        {
          id: t.id,
          createdAt: t.created_at,
          channel: t.channel,
          group: t.group ?? '',
          category: t.category ?? '',
          status: t.status,
          assignee: t.assignee ?? '',
          agentReplies: stats.agentReplies,
          firstResponseAt: earliest(toDate(t.first_response_at), agentReply),
          resolvedAt: toDate(t.resolved_at),
          breached: t.breached || t.tags.includes('sla_breached'),
        },
      ];
    }),
  );
  return { before, current };
}

/**
 * A ticket's facts after a batch of its audit entries: its state from the ticket row, its CSAT
 * from the last survey answer, and the flow's last routing and categorizing from its actions;
 * a group, agent or category that changed with no flow action doing it is a person's change,
 * which marks the flow node that decided it (a misroute within 24 h, a category correction).
 */
export function nextFacts(
  before: StoredFacts | undefined,
  now: CurrentTicket,
  entries: readonly AuditEntry[],
): { facts: StoredFacts; marks: RuleMark[] } {
  const at = entries.reduce((latest, e) => (e.at > latest ? e.at : latest), new Date(0));
  let csat = before?.csat ?? null;
  let routed = before?.routedFlow && before.routedNode ? { flow: before.routedFlow, node: before.routedNode, at: before.routedAt } : null;
  let categorized =
    before?.categorizedFlow && before.categorizedNode ? { flow: before.categorizedFlow, node: before.categorizedNode } : null;
  let flowRouted = false;
  let flowCategorized = false;
  for (const e of entries) {
    if (e.kind === 'event.received' && e.detail.event.type === 'survey.response') csat = e.detail.event.score;
    if (e.kind !== 'action' || e.flowId === null) continue;
    if (ROUTING_ACTIONS.has(e.detail.type)) {
      flowRouted = true;
      if (e.detail.type !== 'escalate') routed = { flow: e.flowId, node: e.detail.node, at: e.at };
    }
    if (e.detail.type === 'set_category') {
      flowCategorized = true;
      categorized = { flow: e.flowId, node: e.detail.node };
    }
  }
  const marks: RuleMark[] = [];
  let misrouted = before?.misrouted ?? false;
  let corrected = before?.corrected ?? false;
  const moved = before !== undefined && (before.group !== now.group || before.assignee !== now.assignee);
  if (moved && !flowRouted && !misrouted && routed?.at && at.getTime() - routed.at.getTime() <= MISROUTE_WINDOW_MS) {
    misrouted = true;
    marks.push({ ticketId: now.id, flowId: routed.flow, nodeId: routed.node, mark: 'misroute', at });
  }
  if (before !== undefined && before.category !== now.category && !flowCategorized && !corrected && categorized) {
    corrected = true;
    marks.push({ ticketId: now.id, flowId: categorized.flow, nodeId: categorized.node, mark: 'corrected', at });
  }
  const done = isDone(now.status);
  const observedDone = done && !(before && isDone(before.status)) ? at : null;
  const facts: StoredFacts = {
    ticketId: now.id,
    createdAt: now.createdAt,
    channel: now.channel,
    group: now.group,
    category: now.category,
    status: now.status,
    assignee: now.assignee,
    firstResponseMs: now.firstResponseAt ? Math.max(0, now.firstResponseAt.getTime() - now.createdAt.getTime()) : null,
    resolvedAt: earliest(earliest(now.resolvedAt, before?.resolvedAt ?? null), observedDone),
    agentReplies: now.agentReplies,
    reopened: (before?.reopened ?? false) || (before !== undefined && isDone(before.status) && !done),
    csat,
    breached: now.breached,
    routedFlow: routed?.flow ?? null,
    routedNode: routed?.node ?? null,
    routedAt: routed?.at ?? null,
    categorizedFlow: categorized?.flow ?? null,
    categorizedNode: categorized?.node ?? null,
    misrouted,
    corrected,
  };
  return { facts, marks };
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/** PGlite gives a subquery's timestamptz as a Date, node-postgres too; a string is parsed. */
function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/**
 * A ticket's reply counts for its facts. A corrupt stats row must not stop the write it rides on (the
 * worker puts that ticket aside and says why): its facts count no agent reply until the row is mended.
 */
function statsOrNone(id: string, stored: unknown): { agentReplies: number; firstAgentReplyAt: string | null } {
  try {
    return readStored(ticketStatsShape, stored, { table: 'tickets', key: id });
  } catch (error) {
    if (error instanceof StoredDataError) return { agentReplies: 0, firstAgentReplyAt: null };
    throw error;
  }
}

/** A ticket's facts as the rollups stored them (its `analytics_tickets` row). */
export function storedFactsOf(r: Selectable<AnalyticsTicketsTable>): StoredFacts {
  return {
    ticketId: r.ticket_id,
    createdAt: r.created_at,
    channel: r.channel,
    group: r.grp,
    category: r.category,
    status: r.status,
    assignee: r.assignee,
    firstResponseMs: r.first_response_ms === null ? null : Number(r.first_response_ms),
    resolvedAt: r.resolved_at,
    agentReplies: r.agent_replies,
    reopened: r.reopened,
    csat: r.csat,
    breached: r.breached,
    routedFlow: r.routed_flow,
    routedNode: r.routed_node,
    routedAt: r.routed_at,
    categorizedFlow: r.categorized_flow,
    categorizedNode: r.categorized_node,
    misrouted: r.misrouted,
    corrected: r.corrected,
  };
}
