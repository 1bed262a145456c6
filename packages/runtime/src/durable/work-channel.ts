import { type Compilable, type Kysely, type Selectable, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database, TicketsTable } from '../db/schema';

/**
 * The PostgreSQL channel that says "a ticket has new work" in one schema: workers LISTEN,
 * writers NOTIFY. Per schema, so stores sharing a database do not wake each other.
 */
export function workChannel(schema: string | undefined): string {
  return `switchyard_work_${schema ?? 'public'}`;
}

/**
 * Tells listening workers that this transaction queued work. PostgreSQL delivers the
 * notification only when the transaction commits (and drops it on rollback), so no worker
 * is woken for work it cannot see yet.
 */
export async function announceWork(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_notify('switchyard_work_' || current_schema(), '')`.execute(trx);
}

/**
 * The statement that opens a write transaction whose caller announces it after commit
 * (`announceCommitted`): the ticket-change trigger (migration 0035) then sends no NOTIFY inside
 * it, so its commit does not queue for PostgreSQL's one notification lock behind other
 * notifying commits' WAL flushes. Send it before the transaction's first change of a ticket row.
 */
export function announceAfterCommit(trx: Kysely<Database>): Compilable<unknown> {
  return { compile: () => ANNOUNCE_AFTER_COMMIT.compile(trx) };
}

/** `announceAfterCommit`'s statement, for a caller that sends raw statements. */
export const ANNOUNCE_AFTER_COMMIT = sql`select set_config('switchyard.announce', 'after-commit', true)`;

/**
 * Announces a committed write: to workers (`work`: it queued work) and to the live streams (the
 * tickets it changed), in one statement outside any write transaction: a transaction that only
 * notifies writes no WAL, so PostgreSQL holds its notification lock for no flush. A failure is
 * logged, never thrown: the write is committed (an error would invite a retry of it), a worker's
 * safety poll finds the work, and a live stream misses one change (a crash right after a commit
 * loses the announcement the same way).
 */
export async function announceCommitted(
  ctx: { readonly db: Kysely<Database>; readonly logger: Pick<Logger, 'warn'> },
  { work, tickets }: { readonly work: boolean; readonly tickets: readonly string[] },
): Promise<void> {
  const notes = [
    ...(work ? [sql`('switchyard_work_', '')`] : []),
    ...[...new Set(tickets)].map((id) => sql`('switchyard_tickets_', ${id}::text)`),
  ];
  if (notes.length === 0) return;
  try {
    await sql`select pg_notify(n.channel || current_schema(), n.payload) from (values ${sql.join(notes)}) as n(channel, payload)`.execute(
      ctx.db,
    );
  } catch (error) {
    ctx.logger.warn({ err: error }, 'announcing committed work failed; workers find it at their next poll');
  }
}

/** The update `wakeTicket` runs, for a caller that sends it together with other statements. */
export function wakeTicketQuery(trx: Kysely<Database>, ticketId: string, now: Date) {
  return trx
    .updateTable('tickets')
    .set({ wake_at: sql<Date>`least(coalesce(wake_at, ${now}), ${now})` })
    .where('id', '=', ticketId)
    .returningAll();
}

/**
 * Makes a ticket due by `now` for new work in its inbox, keeping an earlier wake. The row's
 * lock orders concurrent writers to one ticket, and a worker processing the ticket writes
 * its own wake_at first, so this one, applied after, is never lost.
 * @returns the ticket's row, or undefined when there is no such ticket
 */
export async function wakeTicket(trx: Kysely<Database>, ticketId: string, now: Date): Promise<Selectable<TicketsTable> | undefined> {
  return wakeTicketQuery(trx, ticketId, now).executeTakeFirst();
}

/**
 * Calls `onWork` whenever a transaction that queued work (a ticket, an event, an effect result)
 * commits, in this process or, on PostgreSQL, any other: the in-process wake-up hook for
 * anything that should react at once (an SSE stream, a worker). Resolves to a function that stops it.
 * @example const stop = await onWorkQueued(store, () => stream.refresh());
 */
export function onWorkQueued(
  store: { listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>; readonly schema?: string | undefined },
  onWork: () => void,
): Promise<() => Promise<void>> {
  return store.listen(workChannel(store.schema), onWork);
}
