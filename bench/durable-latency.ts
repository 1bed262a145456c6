import { postTicketEvent, type RuntimeContext } from '@switchyard/runtime';
import { sql } from 'kysely';
import { percentile } from './measure';

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

/**
 * Where a posted message's time goes, each part as percentiles over the messages (so the parts'
 * p50s need not add up to the whole's). Wall clocks of one machine: the bench's and the workers'.
 */
export interface LatencyBreakdown {
  /** postTicketEvent's round trip: its transaction (locks, the commit) as the client waits for it. */
  readonly post: Percentiles;
  /** From the post's answer to the worker's round that claimed it (applied_at): the wait for a wake-up and a free worker. */
  readonly untilClaimed: Percentiles;
  /** From that round's start to the bench seeing the event applied: the batch's work, its commit and the bench's look. */
  readonly batchAndCommit: Percentiles;
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
  readonly breakdown: LatencyBreakdown;
  /** applied_at - at of every event in the window, effect results included. */
  readonly allRecorded: Percentiles;
  readonly allEvents: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};
/** performance.now() as wall-clock milliseconds, comparable with the timestamps the workers write. */
const wallMs = (perf: number) => performance.timeOrigin + perf;

interface Posted {
  readonly sentAt: number;
  readonly answeredAt: number;
}

/**
 * Posts customer messages to `ticketIds` at `rate` per second for `seconds` (open loop: on
 * schedule, whether or not earlier ones are done) while workers run, and measures each
 * message's latency twice: as the database records it, and as a client observes it; and
 * splits what the client observes into the post, the wait until a worker claims it, and the
 * worker's batch up to the bench seeing it applied.
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
  const posted = new Map<string, Posted>();
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
    while (posting || seenAt.size < posted.size) {
      if (!posting && deadline === Number.POSITIVE_INFINITY) deadline = performance.now() + 60_000;
      if (performance.now() > deadline) throw new Error(`durable bench: ${posted.size - seenAt.size} messages not applied within 60 s`);
      const waiting = [...posted.keys()].filter((id) => !seenAt.has(id));
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
        posted.set(eventId, { sentAt, answeredAt: performance.now() });
      }),
    );
  }
  await Promise.all(inFlight);
  posting = false;
  await poller.finally(() => unlisten?.());

  const { rows } = await sql<{ id: string; ms: number; applied: number }>`
    select id, extract(epoch from applied_at - at) * 1000 as ms, extract(epoch from applied_at) * 1000 as applied
    from ticket_events where at >= ${windowStart}`.execute(ctx.db);
  const mine = rows.filter((r) => posted.has(r.id));
  const appliedAt = new Map(mine.map((r) => [r.id, Number(r.applied)]));
  const parts = [...posted].map(([id, p]) => {
    const applied = appliedAt.get(id)!;
    const seen = seenAt.get(id)!;
    return {
      post: p.answeredAt - p.sentAt,
      untilClaimed: applied - wallMs(p.answeredAt),
      batchAndCommit: wallMs(seen) - applied,
      whole: seen - p.sentAt,
    };
  });
  return {
    rate,
    posted: total,
    recorded: summary(mine.map((r) => Number(r.ms))),
    observed: summary(parts.map((p) => p.whole)),
    breakdown: {
      post: summary(parts.map((p) => p.post)),
      untilClaimed: summary(parts.map((p) => p.untilClaimed)),
      batchAndCommit: summary(parts.map((p) => p.batchAndCommit)),
    },
    allRecorded: summary(rows.map((r) => Number(r.ms))),
    allEvents: rows.length,
  };
}
