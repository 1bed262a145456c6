import { type Compilable, type Kysely, sql } from 'kysely';
import type { OutcomeMark } from '../audit/outcome-marks';
import type { Database } from '../db/schema';
import { DONE_STATUSES } from '../audit/outcome-marks';

/**
 * Sets each marked outcome to the earliest time it happened, in one statement for the
 * batch, touching only rows that change. Its trigger adds to the per-version counters:
 * one statement per transaction, after the transaction's ticket locks, so workers and
 * deliveries take those locks in one order (ticket, outcome, counter) and never deadlock.
 * The statement, undefined for no marks: `recordAudit` sends it with the rollups' reads.
 */
export function outcomesUpdate(trx: Kysely<Database>, marks: readonly OutcomeMark[]): Compilable<unknown> | undefined {
  if (marks.length === 0) return undefined;
  const at = (mark: OutcomeMark, column: OutcomeMark['column']) => (mark.column === column ? mark.at : null);
  const values = marks.map(
    (m) =>
      sql`(${m.ticketId}::text, ${m.flowId}::text, ${at(m, 'errored_at')}::timestamptz, ${at(m, 'escalated_at')}::timestamptz, ${at(m, 'sla_breached_at')}::timestamptz, ${at(m, 'resolved_at')}::timestamptz)`,
  );
  const earlier = (column: string) =>
    sql`coalesce(m.${sql.ref(column)} < o.${sql.ref(column)}, m.${sql.ref(column)} is not null and o.${sql.ref(column)} is null)`;
  const query = sql`
    update ticket_outcomes o set errored_at = least(o.errored_at, m.errored_at), escalated_at = least(o.escalated_at, m.escalated_at),
      sla_breached_at = least(o.sla_breached_at, m.sla_breached_at), resolved_at = least(o.resolved_at, m.resolved_at)
    from (
      select x.ticket_id, x.flow_id, min(v.errored_at) as errored_at, min(v.escalated_at) as escalated_at, min(v.sla_breached_at) as sla_breached_at, min(v.resolved_at) as resolved_at
      from (values ${sql.join(values)}) as v(ticket_id, flow_id, errored_at, escalated_at, sla_breached_at, resolved_at)
      join ticket_outcomes x on x.ticket_id = v.ticket_id and (v.flow_id is null or x.flow_id = v.flow_id)
      group by x.ticket_id, x.flow_id
    ) m
    where o.ticket_id = m.ticket_id and o.flow_id = m.flow_id
      and (${earlier('errored_at')} or ${earlier('escalated_at')} or ${earlier('sla_breached_at')} or ${earlier('resolved_at')})`;
  return { compile: () => query.compile(trx) };
}

/**
 * Keeps `completed_at` in step with the tickets' statuses after a worker's batch (tickets not empty): set
 * when done, cleared when reopened. A statement for the worker to send with its other writes (`sendTogether`).
 */
export function completionsQuery(
  trx: Kysely<Database>,
  tickets: readonly { id: string; status: string }[],
  now: Date,
): Compilable<unknown> {
  const done = (status: string) => (DONE_STATUSES as readonly string[]).includes(status);
  const query = sql`
    update ticket_outcomes o set completed_at = case when v.done then ${now}::timestamptz end
    from (values ${sql.join(tickets.map((t) => sql`(${t.id}::text, ${done(t.status)}::boolean)`))}) as v(id, done)
    where o.ticket_id = v.id and (o.completed_at is null) = v.done`;
  return { compile: () => query.compile(trx) };
}

/** A message went out to the customer: the ticket's first response, unless an earlier one is known. */
export async function recordFirstResponse(trx: Kysely<Database>, ticketId: string, at: Date): Promise<void> {
  await trx
    .updateTable('ticket_outcomes')
    .set({ first_response_at: at })
    .where('ticket_id', '=', ticketId)
    .where((eb) => eb.or([eb('first_response_at', 'is', null), eb('first_response_at', '>', at)]))
    .execute();
}

/** A migration moved bindings to another version: their outcomes (and the counters) move along. */
export async function moveOutcomes(trx: Kysely<Database>, flowId: string, ticketIds: readonly string[], version: number): Promise<void> {
  if (ticketIds.length === 0) return;
  await trx.updateTable('ticket_outcomes').set({ version }).where('flow_id', '=', flowId).where('ticket_id', 'in', ticketIds).execute();
}
