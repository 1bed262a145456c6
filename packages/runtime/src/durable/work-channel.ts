import { type Kysely, type Selectable, sql } from 'kysely';
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
 * Makes a ticket due by `now` for new work in its inbox, keeping an earlier wake. The row's
 * lock orders concurrent writers to one ticket, and a worker processing the ticket writes
 * its own wake_at first, so this one, applied after, is never lost.
 * @returns the ticket's row, or undefined when there is no such ticket
 */
export async function wakeTicket(trx: Kysely<Database>, ticketId: string, now: Date): Promise<Selectable<TicketsTable> | undefined> {
  return trx
    .updateTable('tickets')
    .set({ wake_at: sql<Date>`least(coalesce(wake_at, ${now}), ${now})` })
    .where('id', '=', ticketId)
    .returningAll()
    .executeTakeFirst();
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
