import { Channel, CustomerTier, Priority, type Ticket, TicketStatus } from '@switchyard/flow';
import type { TicketStats } from '@switchyard/nodes';
import type { InferResult, Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import { dataKeys } from '../data-keys/runtime-data-keys';
import type { CustomersTable, Database, TicketRow } from '../db/schema';
import { readColumn } from '../db/stored/read-column';
import { readStored } from '../db/stored/read-stored';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';

/** Tags and flags: jsonb lists of strings. */
const LABELS = z.array(z.string());

/** A ticket row joined with its customer (name and contact opened). */
export type TicketWithCustomer = TicketRow & { customer: Selectable<CustomersTable> };

/** Tickets by id with their customers, in one query; `keys` opens the customers' sealed fields (default: this process's). */
export async function loadTickets(
  db: Kysely<Database>,
  ids: readonly string[],
  keys: DataKeyRing = dataKeys({}),
): Promise<TicketWithCustomer[]> {
  if (ids.length === 0) return [];
  return ticketsFromRows(await ticketsQuery(db, ids).execute(), keys);
}

/** The query of `loadTickets` (ids not empty), for a caller that sends it together with others (`sendTogether`). */
export function ticketsQuery(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .selectAll('tickets')
    .select(['customers.name as customer_name', 'customers.tier as customer_tier', 'customers.contact as customer_contact'])
    .where('tickets.id', 'in', ids);
}

/** The tickets of `ticketsQuery`'s rows, their customers' sealed fields opened with `keys`. */
export function ticketsFromRows(
  rows: readonly InferResult<ReturnType<typeof ticketsQuery>>[number][],
  keys: DataKeyRing,
): TicketWithCustomer[] {
  return rows.map(({ customer_name, customer_tier, customer_contact, ...ticket }) => ({
    ...ticket,
    customer: {
      id: ticket.customer_id,
      name: keys.open(customer_name, CUSTOMER_PURPOSE),
      tier: customer_tier,
      contact: customer_contact === null ? null : keys.open(customer_contact, CUSTOMER_PURPOSE),
    },
  }));
}

/** The ticket in the flow vocabulary. */
export function ticketFromRow(row: TicketWithCustomer): Ticket {
  const { customer } = row;
  const at = { table: 'tickets', key: row.id };
  return {
    id: row.id,
    number: row.number,
    channel: readColumn(Channel, row.channel, at, 'channel'),
    subject: row.subject,
    body: row.body,
    customer: {
      id: customer.id,
      name: customer.name,
      tier: readColumn(CustomerTier, customer.tier, { table: 'customers', key: customer.id }, 'tier'),
      ...(customer.contact === null ? {} : { contact: customer.contact }),
    },
    ...(row.order_id === null ? {} : { orderId: row.order_id }),
    category: row.category,
    subcategory: row.subcategory,
    priority: readColumn(Priority, row.priority, at, 'priority'),
    status: readColumn(TicketStatus, row.status, at, 'status'),
    group: row.group,
    assignee: row.assignee,
    tags: readColumn(LABELS, row.tags, at, 'tags'),
    flags: readColumn(LABELS, row.flags, at, 'flags'),
    escalationLevel: row.escalation_level,
    createdAt: row.created_at.toISOString(),
  };
}

/** The counters conditions read (a version-0 row written before a counter existed reads it as zero). */
export function statsFromRow(row: TicketRow): TicketStats {
  return readStored(ticketStatsShape, row.stats, { table: 'tickets', key: row.id });
}
