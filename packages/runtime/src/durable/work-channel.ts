import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

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
