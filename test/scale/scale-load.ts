import { createTicket, type Database, postTicketEvent, type RuntimeContext } from '@switchyard/runtime';
import { type Kysely, sql } from 'kysely';

/** Runs `task` over `items` with at most `limit` at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Opens `count` chat tickets, `concurrency` at a time; returns their ids. */
export async function createTickets(ctx: RuntimeContext, count: number, concurrency: number): Promise<string[]> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const created = await mapLimit(indexes, concurrency, (i) =>
    createTicket(
      ctx,
      { channel: 'chat', subject: `scale ${i}`, body: 'hello', customer: { id: `c${i % 50}`, name: `Customer ${i % 50}` } },
      'scale-test',
    ),
  );
  return created.map((t) => t.id);
}

/**
 * Posts `rounds` customer messages to every ticket, body = "1", "2", ... per ticket. Round
 * r+1 starts when round r is accepted for every ticket, so each ticket's messages are
 * accepted in body order while tickets are posted to concurrently. Returns how many were posted.
 */
export async function postMessages(
  ctx: RuntimeContext,
  ticketIds: readonly string[],
  rounds: number,
  concurrency: number,
): Promise<number> {
  let posted = 0;
  for (let round = 1; round <= rounds; round++) {
    await mapLimit(ticketIds, concurrency, async (id) => {
      await postTicketEvent(ctx, id, { type: 'customer.message', body: String(round) }, 'scale-test');
      posted++;
    });
  }
  return posted;
}

interface Backlog {
  readonly unapplied: number;
  readonly openEffects: number;
  readonly timers: number;
  readonly awake: number;
}

async function backlog(db: Kysely<Database>): Promise<Backlog> {
  const { rows } = await sql<{ unapplied: string; open_effects: string; timers: string; awake: string }>`
    select (select count(*) from ticket_events where applied_at is null) as unapplied,
           (select count(*) from outbox where status in ('pending', 'running')) as open_effects,
           (select count(*) from timers) as timers,
           (select count(*) from tickets where wake_at is not null) as awake`.execute(db);
  const row = rows[0]!;
  return { unapplied: Number(row.unapplied), openEffects: Number(row.open_effects), timers: Number(row.timers), awake: Number(row.awake) };
}

/**
 * Polls until nothing is left to do (every event applied, every effect settled, no timer
 * pending, no ticket due); throws with what is left at the deadline.
 */
export async function waitUntilQuiet(db: Kysely<Database>, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const left = await backlog(db);
    if (left.unapplied + left.openEffects + left.timers + left.awake === 0) return;
    if (Date.now() > deadline) throw new Error(`still busy after ${deadlineMs} ms: ${JSON.stringify(left)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
