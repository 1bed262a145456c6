import type { NewTicket } from '@switchyard/api';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { formatTicketNumber } from '../dry-run/ticket-number';
import { boundVersion } from '../rollout/bucket';
import type { RuntimeContext } from './runtime-context';
import { monthSequenceName } from './ticket-number-sequence';
import { writeNewTickets } from './write-new-tickets';

/** A ticket as `NewTicket` parses it (defaults applied). */
export type ParsedNewTicket = z.output<typeof NewTicket>;

/** A ticket to open and who opens it (the audit's actor). */
export interface TicketToOpen {
  readonly ticket: ParsedNewTicket;
  readonly actor: string;
}

/** Tickets per pair of statements: their columns go as arrays, so this bounds memory and statement size, not parameters. */
const TICKETS_PER_CHUNK = 5_000;

/**
 * Opens tickets in the caller's transaction, a whole batch in four round trips however many
 * they are (the customers; the numbers with the deployments; the tickets with their bindings;
 * the rest, see `writeNewTickets`): the one writer of a new ticket's rows, used by
 * `createTicket` (one ticket, or the tickets of concurrent callers taken together) and by the
 * bulk import (thousands). Numbers come from the month's sequence (`ensureMonthSequence`
 * first, outside the transaction), in input order; a rolled-back batch leaves a gap.
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
  for (let start = 0; start < tickets.length; start += TICKETS_PER_CHUNK)
    opened.push(...(await openChunk(trx, ctx, tickets.slice(start, start + TICKETS_PER_CHUNK), month, now)));
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
  const { numbers, deployments } = await numbersAndDeployments(trx, month, tickets.length);
  const rows = tickets.map(({ ticket, actor }, i) => {
    const id = randomUUID();
    const flows = deployments.map((d) => ({ flowId: d.flow_id, version: boundVersion(d, d.flow_id, id) }));
    return { ticket, actor, id, number: numbers[i] ?? '', flows };
  });
  await writeNewTickets(trx, rows, now);
  return rows.map(({ id, number }) => ({ id, number }));
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
    const group = groups.get(given);
    if (group) group.push(c);
    else groups.set(given, [c]);
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

/**
 * `count` numbers of the month from its sequence, in order, and the deployments the tickets are
 * bound by (read in their transaction), in one round trip.
 */
async function numbersAndDeployments(
  trx: Kysely<Database>,
  month: string,
  count: number,
): Promise<{ numbers: string[]; deployments: { flow_id: string; stable: number; candidate: number | null; percent: number }[] }> {
  const { rows } = await sql<{ numbers: string[]; flow_id: string | null; stable: number; candidate: number | null; percent: number }>`
    select n.numbers, d.flow_id, d.stable, d.candidate, d.percent
    from (select array(select s.n::text from (select nextval(${monthSequenceName(month)}) as n from generate_series(1, ${count}::int)) s order by s.n) as numbers) n
      left join deployments d on true
    order by d.position, d.flow_id`.execute(trx);
  const sequence = rows[0]?.numbers ?? [];
  if (sequence.length !== count) throw new Error(`${monthSequenceName(month)} gave ${sequence.length} numbers for ${count} tickets`);
  return {
    numbers: sequence.map((n) => formatTicketNumber(month, Number(n))),
    deployments: rows.flatMap((d) =>
      d.flow_id === null ? [] : [{ flow_id: d.flow_id, stable: d.stable, candidate: d.candidate, percent: d.percent }],
    ),
  };
}
