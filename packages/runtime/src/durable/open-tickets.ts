import type { NewTicket } from '@switchyard/api';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Kysely, type QueryResult, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema';
import { type Send, sendTogether } from '../db/send-together';
import { formatTicketNumber } from '../dry-run/ticket-number';
import { boundVersion } from '../rollout/bucket';
import type { RuntimeContext } from './runtime-context';
import { monthSequenceName } from './ticket-number-sequence';
import { customerUpserts } from './upsert-customers';
import { newTicketStatements } from './write-new-tickets';

/** A ticket as `NewTicket` parses it (defaults applied). */
export type ParsedNewTicket = z.output<typeof NewTicket>;

/** A ticket to open and who opens it (the audit's actor). */
export interface TicketToOpen {
  readonly ticket: ParsedNewTicket;
  readonly actor: string;
}

/**
 * Tickets per pair of write statements. A bulk import's chunks go out one behind the other on the
 * pipelined connection, so the database writes one chunk while this process computes the next.
 */
const TICKETS_PER_CHUNK = 1_000;

/** Sends one statement on the batch's connection; its rejection is handled later, by `settleAll`. */
type Run = <R>(query: RawBuilder<R>) => Promise<QueryResult<R>>;

/**
 * Opens tickets in the caller's transaction, however many they are, in two round trips (the
 * customers with the numbers and the deployments; then every chunk's tickets, bindings, outcome,
 * message, event, analytics and audit rows, see `writeNewTickets`): the one writer of a new
 * ticket's rows, used by `createTicket` with an idempotency key and by the bench. Numbers come
 * from the month's sequence (`ensureMonthSequence` first, outside the transaction), in input
 * order; a rolled-back batch leaves a gap.
 * @example const opened = await openTickets(trx, ctx, [{ ticket, actor: 'api' }], month, now);
 */
export async function openTickets(
  trx: Kysely<Database>,
  ctx: RuntimeContext,
  tickets: readonly TicketToOpen[],
  month: string,
  now: Date,
): Promise<{ id: string; number: string }[]> {
  return sendTogether(trx, (send) => openAll(runner(send, trx), ctx, tickets, month, now, {}));
}

/**
 * `openTickets` in a transaction of its own whose `begin` and `commit` travel with the first and
 * the last statements: a batch of `createTicket` callers or a bulk import costs two round trips
 * in all. A statement that fails aborts the transaction, so the `commit` sent behind it rolls
 * back; a failure before the `commit` is sent ends it with a `rollback`. Either way nothing stays.
 * @example const opened = await openTicketsAlone(ctx.db, ctx, tickets, month, now);
 */
export async function openTicketsAlone(
  db: Kysely<Database>,
  ctx: RuntimeContext,
  tickets: readonly TicketToOpen[],
  month: string,
  now: Date,
): Promise<{ id: string; number: string }[]> {
  return sendTogether(db, async (send) => {
    const run = runner(send, db);
    try {
      return await openAll(run, ctx, tickets, month, now, { begin: sql`begin`, commit: sql`commit` });
    } catch (error) {
      // Harmless (a warning) when the commit already went out and turned into a rollback.
      await run(sql`rollback`).catch(() => undefined);
      throw error;
    }
  });
}

function runner(send: Send, db: Kysely<Database>): Run {
  return (query) => {
    const sent = send({ compile: () => query.compile(db) });
    // Statements still in flight when an earlier one fails reject too; settleAll reports the first.
    sent.catch(() => undefined);
    return sent;
  };
}

/** Waits for every statement sent (the connection is quiet afterwards), then throws the first failure, if any. */
async function settleAll(sent: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(sent)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function openAll(
  run: Run,
  ctx: RuntimeContext,
  tickets: readonly TicketToOpen[],
  month: string,
  now: Date,
  ends: { begin?: RawBuilder<unknown>; commit?: RawBuilder<unknown> },
): Promise<{ id: string; number: string }[]> {
  if (tickets.length === 0) return [];
  const first = [
    ...(ends.begin ? [ends.begin] : []),
    ...customerUpserts(
      ctx,
      tickets.map((t) => t.ticket.customer),
    ),
  ].map(run);
  const numbered = run(numbersAndDeploymentsQuery(month, tickets.length));
  await settleAll([...first, numbered]);
  const { numbers, deployments } = readNumbers((await numbered).rows, month, tickets.length);
  const writes: Promise<unknown>[] = [];
  const opened: { id: string; number: string }[] = [];
  for (let start = 0; start < tickets.length; start += TICKETS_PER_CHUNK) {
    // Lets the previous chunk's statements leave (Kysely's sending path is asynchronous) before this one is computed.
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const rows = tickets.slice(start, start + TICKETS_PER_CHUNK).map(({ ticket, actor }, i) => {
      const id = randomUUID();
      const flows = deployments.map((d) => ({ flowId: d.flow_id, version: boundVersion(d, d.flow_id, id) }));
      return { ticket, actor, id, number: numbers[start + i] ?? '', flows };
    });
    writes.push(...newTicketStatements(rows, now).map(run));
    opened.push(...rows.map(({ id, number }) => ({ id, number })));
  }
  if (ends.commit) writes.push(run(ends.commit));
  await settleAll(writes);
  return opened;
}

/**
 * `count` numbers of the month from its sequence, in order, and the deployments the tickets are
 * bound by (read in their transaction), in one statement.
 */
function numbersAndDeploymentsQuery(month: string, count: number): RawBuilder<NumbersRow> {
  return sql<NumbersRow>`
    select n.numbers, d.flow_id, d.stable, d.candidate, d.percent
    from (select array(select s.n::text from (select nextval(${monthSequenceName(month)}) as n from generate_series(1, ${count}::int)) s order by s.n) as numbers) n
      left join deployments d on true
    order by d.position, d.flow_id`;
}

interface NumbersRow {
  numbers: string[];
  flow_id: string | null;
  stable: number;
  candidate: number | null;
  percent: number;
}

function readNumbers(
  rows: readonly NumbersRow[],
  month: string,
  count: number,
): { numbers: string[]; deployments: { flow_id: string; stable: number; candidate: number | null; percent: number }[] } {
  const sequence = rows[0]?.numbers ?? [];
  if (sequence.length !== count) throw new Error(`${monthSequenceName(month)} gave ${sequence.length} numbers for ${count} tickets`);
  return {
    numbers: sequence.map((n) => formatTicketNumber(month, Number(n))),
    deployments: rows.flatMap((d) =>
      d.flow_id === null ? [] : [{ flow_id: d.flow_id, stable: d.stable, candidate: d.candidate, percent: d.percent }],
    ),
  };
}
