import type { RuntimeStats } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/** What ops watch (@switchyard/api's): how much work waits, how late the oldest is, and what was given up. */
export type { RuntimeStats };

/**
 * Queue depths and lag, in one round trip.
 * @example const { lagMs, effects } = await runtimeStats(db, clock.now());
 */
export async function runtimeStats(db: Kysely<Database>, now: Date): Promise<RuntimeStats> {
  const { rows } = await sql<{
    due: string;
    oldest: Date | null;
    events: string;
    timers: string;
    pending: string;
    running: string;
    done: string;
    dead: string;
  }>`
    select
      (select count(*) from tickets where wake_at <= ${now}) as due,
      (select min(wake_at) from tickets where wake_at <= ${now}) as oldest,
      (select count(*) from ticket_events where applied_at is null) as events,
      (select count(*) from timers) as timers,
      (select count(*) from outbox where status = 'pending') as pending,
      (select count(*) from outbox where status = 'running') as running,
      (select count(*) from outbox where status = 'done') as done,
      (select count(*) from outbox where status = 'dead') as dead`.execute(db);
  const [row] = rows;
  if (!row) throw new Error('the runtime stats query returned no row');
  return {
    at: now.toISOString(),
    ticketsDue: Number(row.due),
    lagMs: row.oldest ? Math.max(0, now.getTime() - new Date(row.oldest).getTime()) : 0,
    eventsPending: Number(row.events),
    timersScheduled: Number(row.timers),
    effects: { pending: Number(row.pending), running: Number(row.running), done: Number(row.done), dead: Number(row.dead) },
  };
}
