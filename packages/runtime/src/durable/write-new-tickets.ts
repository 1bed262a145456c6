import { EMPTY_STATS } from '@switchyard/nodes';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { flowCounters } from '../analytics/flow-counters';
import { nextFacts } from '../analytics/next-facts';
import { contributions, sumContributions } from '../analytics/ticket-facts';
import { dailyRows, flowCounterRows } from '../analytics/write-rollups';
import type { AuditEntry } from '../audit/audit-entry';
import { openTicketChainsSql } from '../audit/record-audit';
import { type Database, json } from '../db/schema';
import { sendTogether } from '../db/send-together';
import { flowVisitsShape } from '../db/stored/flow-visits-shape';
import { ticketEventShape } from '../db/stored/effect-shapes';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import type { FlowBinding } from './bind-deployed-flows';
import type { ParsedNewTicket } from './open-tickets';

/** A ticket about to be written: its input, who opens it, its id, number and flow bindings. */
export interface NewTicketRow {
  readonly ticket: ParsedNewTicket;
  readonly actor: string;
  readonly id: string;
  readonly number: string;
  readonly flows: readonly FlowBinding[];
}

/**
 * Writes new tickets' rows in two statements whatever their count (columns as arrays through
 * `unnest`, so a statement's parameters do not grow with the tickets): the tickets with their
 * flow bindings and outcome rows (whose trigger adds to the per-version counters first, as the
 * worker's transactions do), then their first message, `ticket.created` event, analytics and
 * audit rows, and the work announcement. The audit and analytics rows are what `recordAudit`
 * writes for a `ticket.created` entry, computed here without reading: a new ticket has no facts
 * row, no outcome marks and no audit chain yet (its chain starts at the genesis, so its head is
 * inserted with the first row's hash instead of locked and moved). `write-new-tickets.test.ts`
 * pins that both give the same rows.
 */
export async function writeNewTickets(trx: Kysely<Database>, tickets: readonly NewTicketRow[], now: Date): Promise<void> {
  const statements = newTicketStatements(tickets, now);
  // Sent together: one round trip (the second does not wait for the first's answer, only for its end).
  await sendTogether(trx, (send) => Promise.all(statements.map((s) => send({ compile: () => s.compile(trx) }))));
}

/** `writeNewTickets`' two statements (none for no tickets), for a caller that sends them with others. */
export function newTicketStatements(tickets: readonly NewTicketRow[], now: Date): RawBuilder<unknown>[] {
  if (tickets.length === 0) return [];
  const col = <T>(pick: (t: NewTicketRow) => T): T[] => tickets.map(pick);
  const bound = tickets.flatMap((t) => t.flows.map((f) => ({ ticketId: t.id, flowId: f.flowId, version: f.version })));
  const bindings = sql`
    with ticket as (
      insert into tickets (id, number, channel, subject, body, customer_id, order_id, category, priority, status, "group", assignee,
        tags, flags, escalation_level, stats, created_at, updated_at, wake_at)
      select t.id, t.number, t.channel, t.subject, t.body, t.customer_id, t.order_id, null, 'normal', 'new', null, null,
        ${json([])}::jsonb, ${json([])}::jsonb, 0, ${ticketStatsShape.json(EMPTY_STATS)}::jsonb, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      from unnest(${col((t) => t.id)}::text[], ${col((t) => t.number)}::text[], ${col((t) => t.ticket.channel)}::text[],
        ${col((t) => t.ticket.subject)}::text[], ${col((t) => t.ticket.body)}::text[], ${col((t) => t.ticket.customer.id)}::text[],
        ${col((t) => t.ticket.orderId ?? null)}::text[]) with ordinality as t(id, number, channel, subject, body, customer_id, order_id, i)
      order by t.i
      returning id
    ), binding as (
      insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
      select b.ticket_id, b.flow_id, b.version, null, ${flowVisitsShape.json({})}::jsonb, ${now}::timestamptz
      from unnest(${bound.map((b) => b.ticketId)}::text[], ${bound.map((b) => b.flowId)}::text[], ${bound.map((b) => b.version)}::int[])
        as b(ticket_id, flow_id, version)
      returning ticket_id, flow_id, version
    )
    insert into ticket_outcomes (ticket_id, flow_id, version, started_at)
    select ticket_id, flow_id, version, ${now}::timestamptz from binding`;

  const entries = tickets.map(({ ticket, actor, id, number, flows }): AuditEntry => ({
    at: now,
    actor,
    ticketId: id,
    flowId: null,
    kind: 'ticket.created',
    detail: { number, channel: ticket.channel, flows: [...flows] },
  }));
  const facts = tickets.map(
    (t, i) =>
      nextFacts(
        undefined,
        {
          id: t.id,
          createdAt: now,
          channel: t.ticket.channel,
          group: '',
          category: '',
          status: 'new',
          assignee: '',
          agentReplies: EMPTY_STATS.agentReplies,
          firstResponseAt: null,
          resolvedAt: null,
          breached: false,
        },
        entries.slice(i, i + 1),
      ).facts,
  );
  const daily = dailyRows(sumContributions(facts.flatMap((f) => contributions(f))));
  const counters = flowCounterRows(flowCounters(entries, () => undefined, new Map()));
  const rest = sql`
    with message as (
      insert into ticket_messages (ticket_id, direction, author, via, recipient, body, language, idempotency_key, at)
      select m.ticket_id, 'in', m.author, m.via, null, m.body, null, null, ${now}::timestamptz
      from unnest(${col((t) => t.id)}::text[], ${col((t) => t.ticket.customer.id)}::text[], ${col((t) => t.ticket.channel)}::text[],
        ${col((t) => [t.ticket.subject, t.ticket.body].filter((text) => text !== '').join('\n'))}::text[]) with ordinality as m(ticket_id, author, via, body, i)
      order by m.i
    ), event as (
      insert into ticket_events (ticket_id, type, payload, flow_id, node_id, at, applied_at)
      select e.ticket_id, 'ticket.created', ${ticketEventShape.json({ type: 'ticket.created' })}::jsonb, null, null, ${now}::timestamptz, null
      from unnest(${col((t) => t.id)}::text[]) with ordinality as e(ticket_id, i)
      order by e.i
    ), fact as (
      insert into analytics_tickets (ticket_id, created_at, channel, grp, category, status, assignee, first_response_ms, resolved_at,
        agent_replies, reopened, csat, breached, routed_flow, routed_node, routed_at, categorized_flow, categorized_node, misrouted, corrected)
      select f.ticket_id, ${now}::timestamptz, f.channel, f.grp, f.category, f.status, f.assignee, null, null,
        f.agent_replies, false, null, false, null, null, null, null, null, false, false
      from unnest(${facts.map((f) => f.ticketId)}::text[], ${facts.map((f) => f.channel)}::text[], ${facts.map((f) => f.group)}::text[],
        ${facts.map((f) => f.category)}::text[], ${facts.map((f) => f.status)}::text[], ${facts.map((f) => f.assignee)}::text[],
        ${facts.map((f) => f.agentReplies)}::int[]) as f(ticket_id, channel, grp, category, status, assignee, agent_replies)
    ), day as (
      insert into analytics_daily as d (day, grp, channel, metric, key, n, total)
      select r.day, r.grp, r.channel, r.metric, r.key, r.n, r.total
      from unnest(${daily.map((r) => r.day)}::date[], ${daily.map((r) => r.grp)}::text[], ${daily.map((r) => r.channel)}::text[],
        ${daily.map((r) => r.metric)}::text[], ${daily.map((r) => r.key)}::text[], ${daily.map((r) => r.n)}::bigint[],
        ${daily.map((r) => r.total)}::float8[]) with ordinality as r(day, grp, channel, metric, key, n, total, i)
      order by r.i
      on conflict (day, grp, channel, metric, key) do update set n = d.n + excluded.n, total = d.total + excluded.total
    ), flow_day as (
      insert into analytics_flow_daily as d (day, flow_id, version, metric, key, n, total)
      select r.day, r.flow_id, r.version, r.metric, r.key, r.n, r.total
      from unnest(${counters.map((r) => r.day)}::date[], ${counters.map((r) => r.flow_id)}::text[], ${counters.map((r) => r.version)}::int[],
        ${counters.map((r) => r.metric)}::text[], ${counters.map((r) => r.key)}::text[], ${counters.map((r) => r.n)}::bigint[],
        ${counters.map((r) => r.total)}::float8[]) with ordinality as r(day, flow_id, version, metric, key, n, total, i)
      order by r.i
      on conflict (flow_id, day, version, metric, key) do update set n = d.n + excluded.n, total = d.total + excluded.total
    ), ${openTicketChainsSql(entries)}
    select pg_notify('switchyard_work_' || current_schema(), '')`;
  return [bindings, rest];
}
