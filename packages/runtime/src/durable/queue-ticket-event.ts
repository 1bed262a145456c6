import type { TicketEvent } from '@switchyard/flow';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ticketEventShape } from '../db/stored/effect-shapes';

/** Queues a ticket event from outside the flows (a customer, an agent, a person's action) in the caller's transaction; answers its id. */
export async function queueTicketEvent(trx: Kysely<Database>, ticketId: string, event: TicketEvent, at: Date): Promise<string> {
  const { id } = await trx
    .insertInto('ticket_events')
    .values({
      ticket_id: ticketId,
      type: event.type,
      payload: ticketEventShape.json(event),
      flow_id: null,
      node_id: null,
      at,
      applied_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
