import type { TicketMessage } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** One message of a ticket's conversation, as the API shows it (@switchyard/api's). */
export type { TicketMessage };

/** A ticket's conversation, oldest first; undefined when there is no such ticket. */
export async function ticketMessages(db: Kysely<Database>, ticketId: string): Promise<TicketMessage[] | undefined> {
  const ticket = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return undefined;
  const rows = await db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    direction: r.direction,
    author: r.author,
    via: r.via,
    recipient: r.recipient,
    body: r.body,
    language: r.language,
  }));
}
