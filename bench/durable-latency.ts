import { postTicketEvent, type RuntimeContext } from '@switchyard/runtime';
import { sql } from 'kysely';
import { percentile } from './measure';

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

export interface LatencyResult {
  readonly rate: number;
  readonly posted: number;
  /** applied_at - at of the posted messages (applied_at is when the worker's round began: it leaves out that round's own work and commit). */
  readonly recorded: Percentiles;
  /**
   * From calling postTicketEvent to seeing the event applied in the database: what a client sees. The
   * bench looks when the worker's commit announces the ticket's change (as the live stream learns of it),
   * and every 10 ms besides.
   */
  readonly observed: Percentiles;
  /** applied_at - at of every event in the window, effect results included. */
  readonly allRecorded: Percentiles;
  readonly allEvents: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/**
 * Posts customer messages to `ticketIds` at `rate` per second for `seconds` (open loop: on
 * schedule, whether or not earlier ones are done) while workers run, and measures each
 * message's latency twice: as the database records it, and as a client observes it.
 */
export async function measureLatency(
  ctx: RuntimeContext,
  ticketIds: readonly string[],
  rate: number,
  seconds: number,
  /** Subscribes to ticket changes (the `switchyard_tickets_<schema>` channel): a look right after a worker commits. */
  onTicketChange?: (look: () => void) => Promise<() => Promise<void>>,
): Promise<LatencyResult> {
  const total = rate * seconds;
  const windowStart = new Date();
  const startMs = performance.now();
  const postedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  let posting = true;
  let lookNow: (() => void) | undefined;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        lookNow = undefined;
        resolve();
      }
      lookNow = done;
    });
  const unlisten = await onTicketChange?.(() => lookNow?.());
  const poller = (async () => {
    let deadline = Number.POSITIVE_INFINITY;
    while (posting || seenAt.size < postedAt.size) {
      if (!posting && deadline === Number.POSITIVE_INFINITY) deadline = performance.now() + 60_000;
      if (performance.now() > deadline) throw new Error(`durable bench: ${postedAt.size - seenAt.size} messages not applied within 60 s`);
      const waiting = [...postedAt.keys()].filter((id) => !seenAt.has(id));
      if (waiting.length > 0) {
        const applied = await ctx.db
          .selectFrom('ticket_events')
          .select('id')
          .where('id', 'in', waiting)
          .where('applied_at', 'is not', null)
          .execute();
        const now = performance.now();
        for (const { id } of applied) seenAt.set(id, now);
      }
      await nap(10);
    }
  })();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = startMs + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const sentAt = performance.now();
    inFlight.push(
      postTicketEvent(
        ctx,
        ticketIds[(i * 7919) % ticketIds.length]!,
        { type: 'customer.message', body: `还没发货吗？ ${i}` },
        'bench',
      ).then(({ eventId }) => {
        postedAt.set(eventId, sentAt);
      }),
    );
  }
  await Promise.all(inFlight);
  posting = false;
  await poller.finally(() => unlisten?.());

  const { rows } = await sql<{ id: string; ms: number }>`
    select id, extract(epoch from applied_at - at) * 1000 as ms from ticket_events where at >= ${windowStart}`.execute(ctx.db);
  return {
    rate,
    posted: total,
    recorded: summary(rows.filter((r) => postedAt.has(r.id)).map((r) => Number(r.ms))),
    observed: summary([...postedAt].map(([id, sent]) => seenAt.get(id)! - sent)),
    allRecorded: summary(rows.map((r) => Number(r.ms))),
    allEvents: rows.length,
  };
}
