import { NewTicket } from '@switchyard/api';
import { parseInput } from '../catalog/invalid-input';
import { ticketCreatedAnswerShape } from '../db/stored/idempotent-answer-shapes';
import { ticketMonth } from '../dry-run/ticket-number';
import { type CreationBatches, createCreationBatches } from './creation-batches';
import { idempotent, type IdempotentAnswer } from './idempotency';
import { openTickets, openTicketsAlone } from './open-tickets';
import type { RuntimeContext } from './runtime-context';
import { ensureMonthSequence, forgetMonthSequences, isMissingRelation } from './ticket-number-sequence';

/**
 * Opens a ticket: numbers it, binds it to a deployed version of every flow (for life),
 * and queues its `ticket.created` event, all in one transaction, so a worker sees the
 * ticket only once all of it exists. Concurrent callers in one process share that
 * transaction (group commit: one statement per table for all of them).
 * @example const { id, number } = await createTicket(ctx, { channel: 'chat', subject: '物流', body: '', customer: { id: 'c1' } }, 'api');
 */
export async function createTicket(ctx: RuntimeContext, input: NewTicket, actor: string): Promise<{ id: string; number: string }> {
  return (await createTicketOnce(ctx, input, actor, undefined)).body;
}

/**
 * `createTicket` at most once per `Idempotency-Key` (24 h): a retry with the key and the same
 * ticket answers the first answer (`replayed`) and opens nothing; with another ticket, a 422.
 * Without a key it is `createTicket`.
 * @example const { body, replayed } = await createTicketOnce(ctx, ticket, 'api', '5f0c6c1e-8f5e-4d7c-9a44-2b8f1f0f6a11');
 */
export async function createTicketOnce(
  ctx: RuntimeContext,
  input: NewTicket,
  actor: string,
  idempotencyKey: string | undefined,
): Promise<IdempotentAnswer<{ id: string; number: string }>> {
  const ticket = parseInput(NewTicket, input);
  if (idempotencyKey === undefined) {
    // Unkeyed creations of concurrent callers share a transaction (see creationBatches).
    const body = await creationBatches(ctx).open({ ticket, actor });
    return { body, status: 201, replayed: false };
  }
  const now = ctx.clock.now();
  const claim = { scope: 'POST /api/tickets', key: idempotencyKey, request: ticket, now };
  const answer = await withMonthSequence(ctx, now, (month) =>
    ctx.db
      .transaction()
      .execute((trx) =>
        idempotent(trx, ticketCreatedAnswerShape, claim, 201, async () =>
          firstOf(await openTickets(trx, ctx, [{ ticket, actor }], month, now)),
        ),
      ),
  );
  if (!answer.replayed) ctx.metrics?.ticketsCreated.inc({ via: 'api' });
  return answer;
}

/**
 * Runs `create` with the month of `now` once that month's number sequence exists; when the sequence went away under this
 * process's memory of it (a schema made again), makes it and tries once more.
 */
export async function withMonthSequence<T>(ctx: RuntimeContext, now: Date, create: (month: string) => Promise<T>): Promise<T> {
  const month = ticketMonth(now);
  await ensureMonthSequence(ctx.db, month);
  return create(month).catch(async (error: unknown) => {
    if (!isMissingRelation(error)) throw error;
    forgetMonthSequences(ctx.db);
    await ensureMonthSequence(ctx.db, month);
    return create(month);
  });
}

function firstOf<T>(list: readonly T[]): T {
  const [first] = list;
  if (first === undefined) throw new Error('openTickets opened nothing');
  return first;
}

/** One process's creation batches per runtime context. */
const batchesByContext = new WeakMap<RuntimeContext, CreationBatches>();

function creationBatches(ctx: RuntimeContext): CreationBatches {
  const known = batchesByContext.get(ctx);
  if (known) return known;
  const made = createCreationBatches((tickets) => {
    const now = ctx.clock.now();
    return withMonthSequence(ctx, now, (month) => openTicketsAlone(ctx.db, ctx, tickets, month, now));
  });
  const counted: CreationBatches = {
    open: async (ticket) => {
      const opened = await made.open(ticket);
      ctx.metrics?.ticketsCreated.inc({ via: 'api' });
      return opened;
    },
  };
  batchesByContext.set(ctx, counted);
  return counted;
}
