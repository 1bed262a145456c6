import type { CustomerView } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import { dataKeys } from '../data-keys/runtime-data-keys';
import type { Database } from '../db/schema';
import { readColumn } from '../db/stored/read-column';

const LABELS = z.array(z.string());
const DONE = new Set(['resolved', 'closed']);

/** A customer and where their tickets sit (group, assignee): the server decides from those whether the contact shows. */
export interface CustomerRecord {
  readonly view: CustomerView;
  readonly tickets: readonly { readonly group: string | null; readonly assignee: string | null }[];
}

/**
 * A customer with their tickets among `reachable` (the caller's reach, see `inScope`): tier,
 * contact (in clear: the caller masks it), the tags their tickets carry, the last three
 * contacts (each ticket's channel and subject), open and past tickets and the order ids.
 * Undefined when there is no such customer or none of their tickets is within reach.
 */
export async function customerRecord(
  db: Kysely<Database>,
  id: string,
  reachable: (ticket: { group: string | null; assignee: string | null }) => boolean,
  keys: DataKeyRing = dataKeys({}),
): Promise<CustomerRecord | undefined> {
  const customer = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!customer) return undefined;
  const rows = (
    await db
      .selectFrom('tickets')
      .select(['id', 'number', 'subject', 'status', 'channel', 'created_at', 'order_id', 'tags', 'group', 'assignee'])
      .where('customer_id', '=', id)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute()
  ).filter(reachable);
  if (rows.length === 0) return undefined;
  const brief = (r: (typeof rows)[number]) => ({ id: r.id, number: r.number, subject: r.subject, status: r.status });
  const tags = new Set(rows.flatMap((r) => readColumn(LABELS, r.tags, { table: 'tickets', key: r.id }, 'tags')));
  return {
    view: {
      id,
      name: keys.open(customer.name, CUSTOMER_PURPOSE),
      tier: customer.tier,
      contact: customer.contact === null ? null : keys.open(customer.contact, CUSTOMER_PURPOSE),
      tags: [...tags].sort(),
      lastContacts: rows.slice(0, 3).map((r) => ({ ticketId: r.id, at: r.created_at.toISOString(), channel: r.channel, topic: r.subject })),
      openTickets: rows.filter((r) => !DONE.has(r.status)).map(brief),
      pastTickets: rows.filter((r) => DONE.has(r.status)).map(brief),
      orderIds: [...new Set(rows.flatMap((r) => (r.order_id === null ? [] : [r.order_id])))],
    },
    tickets: rows.map((r) => ({ group: r.group, assignee: r.assignee })),
  };
}
