import { EMPTY_STATS } from '@switchyard/nodes';
import type { NewTicket } from '@switchyard/api';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../audit/record-audit';
import { type Database, json } from '../db/schema';
import { ticketEventShape } from '../db/stored/effect-shapes';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { formatTicketNumber } from '../dry-run/ticket-number';
import { bindDeployedFlows } from './bind-deployed-flows';
import type { RuntimeContext } from './runtime-context';
import { monthSequenceName } from './ticket-number-sequence';
import { announceWork } from './work-channel';

/** A ticket as `NewTicket` parses it (defaults applied). */
export type ParsedNewTicket = z.output<typeof NewTicket>;

/** A ticket to open and who opens it (the audit's actor). */
export interface TicketToOpen {
  readonly ticket: ParsedNewTicket;
  readonly actor: string;
}

/** Rows per insert statement: well under PostgreSQL's 65,535 bind parameters for the widest table (tickets, 19 columns). */
const ROWS_PER_STATEMENT = 500;

/**
 * Opens tickets in the caller's transaction, a whole batch with one statement per table
 * (customers, numbers, tickets, flow bindings, messages, events, audit): the one writer of a
 * new ticket's rows, used by `createTicket` (one ticket, or the tickets of concurrent callers
 * taken together) and by the bulk import (thousands). Numbers come from the month's sequence
 * (`ensureMonthSequence` first, outside the transaction), in input order.
 * @example const opened = await openTickets(trx, ctx, [{ ticket, actor: 'api' }], month, now);
 */
export async function openTickets(
  trx: Kysely<Database>,
  ctx: RuntimeContext,
  tickets: readonly TicketToOpen[],
  month: string,
  now: Date,
): Promise<{ id: string; number: string }[]> {
  const opened: { id: string; number: string }[] = [];
  for (let start = 0; start < tickets.length; start += ROWS_PER_STATEMENT)
    opened.push(...(await openChunk(trx, ctx, tickets.slice(start, start + ROWS_PER_STATEMENT), month, now)));
  if (opened.length > 0) await announceWork(trx);
  return opened;
}

async function openChunk(
  trx: Kysely<Database>,
  ctx: RuntimeContext,
  tickets: readonly TicketToOpen[],
  month: string,
  now: Date,
): Promise<{ id: string; number: string }[]> {
  if (tickets.length === 0) return [];
  await upsertCustomers(
    trx,
    ctx,
    tickets.map((t) => t.ticket),
  );
  const numbers = await nextTicketNumbers(trx, month, tickets.length);
  const opened = tickets.map(({ ticket, actor }, i) => ({ ticket, actor, id: randomUUID(), number: numbers[i] ?? '' }));
  await trx
    .insertInto('tickets')
    .values(
      opened.map(({ ticket, id, number }) => ({
        id,
        number,
        channel: ticket.channel,
        subject: ticket.subject,
        body: ticket.body,
        customer_id: ticket.customer.id,
        order_id: ticket.orderId ?? null,
        category: null,
        subcategory: null,
        priority: 'normal' as const,
        status: 'new' as const,
        group: null,
        assignee: null,
        tags: json([]),
        flags: json([]),
        escalation_level: 0,
        stats: ticketStatsShape.json(EMPTY_STATS),
        created_at: now,
        updated_at: now,
        wake_at: now,
      })),
    )
    .execute();
  const bindings = await bindDeployedFlows(
    trx,
    opened.map((o) => o.id),
    now,
  );
  await trx
    .insertInto('ticket_messages')
    .values(
      opened.map(({ ticket, id }) => ({
        ticket_id: id,
        direction: 'in' as const,
        author: ticket.customer.id,
        via: ticket.channel,
        recipient: null,
        body: [ticket.subject, ticket.body].filter((text) => text !== '').join('\n'),
        language: null,
        idempotency_key: null,
        at: now,
      })),
    )
    .execute();
  await trx
    .insertInto('ticket_events')
    .values(
      opened.map(({ id }) => ({
        ticket_id: id,
        type: 'ticket.created',
        payload: ticketEventShape.json({ type: 'ticket.created' }),
        flow_id: null,
        node_id: null,
        at: now,
        applied_at: null,
      })),
    )
    .execute();
  await recordAudit(
    trx,
    opened.map(({ ticket, actor, id, number }) => ({
      at: now,
      actor,
      ticketId: id,
      flowId: null,
      kind: 'ticket.created' as const,
      detail: { number, channel: ticket.channel, flows: bindings.get(id) ?? [] },
    })),
  );
  return opened.map(({ id, number }) => ({ id, number }));
}

/**
 * The batch's customers, sealed at rest, one upsert per set of fields given (usually one). A
 * channel that knows less about a customer does not erase what is known: a field left out keeps
 * the stored one. A customer named twice in the batch is merged first (later fields win, as two
 * creations one after the other would leave it): one statement cannot touch a row twice.
 */
async function upsertCustomers(trx: Kysely<Database>, ctx: RuntimeContext, tickets: readonly ParsedNewTicket[]): Promise<void> {
  const merged = new Map<string, ParsedNewTicket['customer']>();
  for (const { customer: c } of tickets) {
    const seen = merged.get(c.id);
    const name = c.name ?? seen?.name;
    const tier = c.tier ?? seen?.tier;
    const contact = c.contact ?? seen?.contact;
    merged.set(c.id, {
      id: c.id,
      ...(name === undefined ? {} : { name }),
      ...(tier === undefined ? {} : { tier }),
      ...(contact === undefined ? {} : { contact }),
    });
  }
  const groups = new Map<string, ParsedNewTicket['customer'][]>();
  for (const c of merged.values()) {
    const given = [c.name, c.tier, c.contact].map((v) => (v === undefined ? '-' : '+')).join('');
    groups.set(given, [...(groups.get(given) ?? []), c]);
  }
  const keys = dataKeys(ctx);
  // Rows locked in id order, so two batches naming the same customers wait for each other rather than deadlock
  // (across field groups a deadlock stays possible: createTicket's batches retry their tickets one by one).
  for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const [first] = group;
    if (!first) continue;
    await trx
      .insertInto('customers')
      .values(
        group.map((c) => ({
          id: c.id,
          name: c.name === undefined ? '' : keys.seal(c.name, CUSTOMER_PURPOSE),
          tier: c.tier ?? 'standard',
          contact: c.contact === undefined ? null : keys.seal(c.contact, CUSTOMER_PURPOSE),
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: first.name === undefined ? eb.ref('customers.name') : eb.ref('excluded.name'),
          tier: first.tier === undefined ? eb.ref('customers.tier') : eb.ref('excluded.tier'),
          contact: first.contact === undefined ? eb.ref('customers.contact') : eb.ref('excluded.contact'),
        })),
      )
      .execute();
  }
}

/** `count` numbers of the month, from its sequence in one round trip, in order. */
async function nextTicketNumbers(trx: Kysely<Database>, month: string, count: number): Promise<string[]> {
  const { rows } = await sql<{ n: string }>`
    select nextval(${monthSequenceName(month)}) as n from generate_series(1, ${count}::int) order by 1`.execute(trx);
  if (rows.length !== count) throw new Error(`${monthSequenceName(month)} gave ${rows.length} numbers for ${count} tickets`);
  return rows.map((r) => formatTicketNumber(month, Number(r.n)));
}
