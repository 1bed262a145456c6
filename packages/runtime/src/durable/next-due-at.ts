import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * When the store next has work for a worker, from what is written: the earliest ticket
 * wake-up (timers, retries after a fault) and the earliest effect attempt or lease end.
 * Undefined when nothing is scheduled at all. Two index lookups (`tickets_wake_at`, `outbox_due`).
 * @example const at = await nextDueAt(db); // sleep until then, or until a notification
 */
export async function nextDueAt(db: Kysely<Database>): Promise<Date | undefined> {
  const { rows } = await sql<{ at: Date | string | null }>`
    select least(
      (select min(wake_at) from tickets where wake_at is not null),
      (select min(next_attempt_at) from outbox where status in ('pending', 'running'))
    ) as at`.execute(db);
  const at = rows[0]?.at;
  return at === null || at === undefined ? undefined : new Date(at);
}
