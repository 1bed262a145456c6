import type { Roster } from '@switchyard/nodes';
import { loadRoster } from '../catalog/load-roster';
import { claimEffects, deliverEffect, type DeliveryOptions } from './deliver-effects';
import { createFlowCache, type FlowCache } from './flow-cache';
import { nextDueAt } from './next-due-at';
import { processDueTickets } from './process-due-tickets';
import type { SwitchyardDatabase } from '../db/create-database';
import { isConnectionError } from '../db/connection-error';
import { reconnectDelay } from '../db/listen-postgres';
import type { RuntimeContext } from './runtime-context';
import { workChannel } from './work-channel';
import { forgetExpiredIdempotencyKeys } from './idempotency';
import { resealInBatches } from '../data-keys/reseal-in-batches';
import { checkRollouts } from '../rollout/check-rollouts';
import { deliverOpsNotifications, type OpsWebhook } from '../rollout/ops-notifications';
import { runBacktestSlice } from '../backtest/run-backtest-slice';
import { createAdaptiveBatch } from './adaptive-batch';

/** How soon an idle loop looks again when work is due that another loop or process holds. */
const BUSY_ELSEWHERE_MS = 20;

export interface WorkerOptions {
  /** Tickets claimed and committed per transaction at most (default 16). */
  readonly batchSize?: number;
  /**
   * Whether the batch adapts to the backlog (default true): a round claims `batchSize / 8` tickets
   * at first, twice as many after a round that came back full, half as many after one that found
   * fewer than half; so a light load commits small transactions at once (low latency) and a
   * backlog is drained in large ones (throughput). False: always `batchSize`.
   */
  readonly adaptiveBatch?: boolean;
  /** Effects delivered at once (default 8). */
  readonly effectConcurrency?: number;
  /**
   * The longest an idle worker sleeps before looking again. An idle worker sleeps until the
   * next due time written in the store (a timer, an effect retry) or a wake-up, whichever
   * comes first, and at most this. Default: 100 ms without `notifications`; with them, 5 s on
   * PostgreSQL (a slow safety poll: a lost notification is found within it) and 60 s on PGlite
   * (one process owns the store, so every write in it wakes the worker: nothing to miss).
   */
  readonly pollMs?: number;
  /**
   * Rounds run at once in this process (default 1): on PostgreSQL, several loops claim
   * different tickets (SKIP LOCKED) on their own connections; PGlite has one connection.
   */
  readonly loops?: number;
  readonly delivery?: DeliveryOptions;
  /**
   * The store to LISTEN on: a worker then wakes as soon as work is committed anywhere
   * (another process included) instead of at its next poll. Polling goes on regardless.
   */
  readonly notifications?: Pick<SwitchyardDatabase, 'listen' | 'schema'> & Partial<Pick<SwitchyardDatabase, 'kind'>>;
  /**
   * Ramp steps and guardrails: checked every `checkEveryMs` (default 10 s); ops notifications go to
   * `opsWebhook`. Idempotency keys older than 24 h are deleted, and rows re-sealed, every 6th interval.
   */
  readonly rollouts?: { readonly checkEveryMs?: number; readonly opsWebhook?: OpsWebhook | undefined };
  /** Whether this worker replays backtest jobs when it has no live work (default true). */
  readonly backtests?: boolean;
  /** Called each time a loop finds no work and goes to sleep until its next poll or a wake-up (a test's signal). */
  readonly onIdle?: () => void;
}

/** A worker: processes due tickets and delivers effects; any number of them share one database. */
export interface Worker {
  /** Starts polling in the background. */
  start(): void;
  /** Cuts the current sleep short (something was just queued). */
  wake(): void;
  /** Stops taking work, finishes what is in flight, releases its claims. */
  stop(): Promise<void>;
  /** Works until nothing is due, after one rollout check (for tests on a manual clock, and for one-shot runs). */
  runUntilIdle(): Promise<void>;
}

/**
 * @example
 * const worker = createWorker(ctx);
 * worker.start();
 * process.on('SIGTERM', () => void worker.stop());
 */
export function createWorker(ctx: RuntimeContext, options: WorkerOptions = {}): Worker {
  const flows: FlowCache = createFlowCache(ctx.registry);
  const batchSize = options.batchSize ?? 16;
  const batch = createAdaptiveBatch(batchSize, options.adaptiveBatch ?? true);
  const concurrency = options.effectConcurrency ?? 8;
  // While notifications come (LISTEN is up) the worker may sleep long; without them it polls.
  let listening = false;
  const pollCap = () => options.pollMs ?? (!listening ? 100 : options.notifications?.kind === 'pglite' ? 60_000 : 5_000);
  const inFlight = new Set<Promise<unknown>>();
  let running = false;
  let loop: Promise<void> | undefined;
  const sleepers = new Set<() => void>();
  // A wake that comes while every loop is busy is kept, so the next sleep ends at once.
  let woken = false;
  const wake = () => {
    woken = true;
    for (const sleeper of [...sleepers]) sleeper();
  };

  const rolloutEveryMs = options.rollouts?.checkEveryMs ?? 10_000;
  let rolloutsCheckedAt = Number.NEGATIVE_INFINITY;
  // Housekeeping (expired idempotency keys, re-sealing) every 6th interval: on an idle PGlite server
  // those scans were most of its CPU, and neither is urgent (keys live 24 h; re-sealing is a background chore).
  let housekeepingIn = 0;
  /** Rollouts move on wall-clock intervals, by whichever loop comes first; a failure waits for the next interval. */
  const watchRollouts = async (force: boolean) => {
    if (!force && Date.now() - rolloutsCheckedAt < rolloutEveryMs) return;
    rolloutsCheckedAt = Date.now();
    const webhook = options.rollouts?.opsWebhook;
    // Independent chores on one interval: one failing must not stop the others.
    await periodically('checking rollouts', () => checkRollouts(ctx));
    if (webhook) await periodically('delivering ops notifications', () => deliverOpsNotifications(ctx, webhook));
    if (!force && housekeepingIn-- > 0) return;
    housekeepingIn = 5;
    // Idempotency keys are remembered for 24 h.
    await periodically('forgetting expired idempotency keys', () => forgetExpiredIdempotencyKeys(ctx.db, ctx.clock.now()));
    // Rows in clear or under a previous data key: a few small batches per interval (key rotation without downtime).
    await periodically('re-sealing data with the current data key', () => resealInBatches(ctx));
  };
  const periodically = async (chore: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      ctx.logger[isConnectionError(error) ? 'warn' : 'error']({ err: error }, `${chore} failed; trying again at the next interval`);
    }
  };

  const dispatchEffects = async (): Promise<number> => {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const rows = await claimEffects(ctx, free, options.delivery);
    let roster: Promise<Roster> | undefined;
    // Loaded once per batch; a failed load (the database away) is not kept, so a retry loads again.
    const rosterOnce = () =>
      (roster ??= loadRoster(ctx.db).catch((error: unknown) => {
        roster = undefined;
        throw error;
      }));
    for (const row of rows) {
      const delivery = deliverEffect(ctx, flows, row, rosterOnce, options.delivery)
        .catch((error: unknown) =>
          ctx.logger[isConnectionError(error) ? 'warn' : 'error'](
            { err: error, effect: row.idempotency_key },
            'delivering or recording an effect failed; its lease will expire and it will be retried',
          ),
        )
        .finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    }
    return rows.length;
  };

  const listenForWork = async (): Promise<(() => Promise<void>) | undefined> => {
    const store = options.notifications;
    if (!store) return undefined;
    let lostAtStart = false;
    try {
      const unlisten = await store.listen(workChannel(store.schema), wake, {
        onLost: (error) => {
          lostAtStart = true;
          listening = false;
          ctx.logger.warn({ err: error }, 'lost the work notifications; polling until they are back');
        },
        // Work committed while nobody listened was not announced: look now.
        onRestored: () => {
          lostAtStart = false;
          listening = true;
          ctx.logger.info('listening for work notifications again');
          wake();
        },
      });
      // A database away at the start is an outage: polling until the listener is restored.
      listening = !lostAtStart;
      return unlisten;
    } catch (error) {
      ctx.logger.warn({ err: error }, 'cannot listen for work notifications; polling only');
      return undefined;
    }
  };

  // Rounds in a row (of any loop) that failed because the database was away; 0 when it is there.
  let outage = 0;
  /**
   * One loop of rounds until stopped, sleeping when a round found nothing. A round that fails
   * rolled back; while the database is away the loop retries with backoff (up to 1 s), so it
   * works again within a second of the database's return. It never ends before `stop()`.
   */
  const work = async () => {
    while (running) {
      let busy = false;
      try {
        busy = await round();
        if (outage > 0) {
          ctx.logger.info({ failedRounds: outage }, 'the database is back; working again');
          outage = 0;
        }
      } catch (error) {
        if (isConnectionError(error)) {
          if (outage++ === 0) ctx.logger.warn({ err: error }, 'the database is unavailable; retrying with backoff');
          if (running) await sleep(reconnectDelay(outage));
          continue;
        }
        ctx.logger.error({ err: error }, 'worker round failed; trying again after a pause');
      }
      if (!busy && running) {
        const nap = await idleFor().catch(() => Math.min(pollCap(), 100));
        options.onIdle?.();
        await sleep(nap);
      }
    }
  };

  /**
   * How long to sleep when idle: until the next due time in the store or the next rollout
   * check, at most `pollMs`, at least 1 ms. Effects in flight end with a write of their own
   * result, which wakes the worker.
   */
  const idleFor = async (): Promise<number> => {
    const rolloutIn = rolloutsCheckedAt + rolloutEveryMs - Date.now();
    const due = await nextDueAt(ctx.db);
    const dueIn = due === undefined ? Number.POSITIVE_INFINITY : due.getTime() - ctx.clock.now().getTime();
    // Due already, yet this round found nothing: another loop holds it (or is committing it). Look
    // again shortly, not at once: spinning would starve the loop that holds it (PGlite has one connection).
    return Math.max(dueIn <= 0 ? BUSY_ELSEWHERE_MS : 1, Math.min(pollCap(), rolloutIn, dueIn));
  };

  /** One round: due tickets, then due effects. True when it found work. */
  const round = async (): Promise<boolean> => {
    await watchRollouts(false);
    const limit = batch.size();
    const processed = await processDueTickets(ctx, flows, limit);
    batch.observe(processed, limit);
    const dispatched = await dispatchEffects();
    if (processed > 0 || dispatched > 0) return true;
    // Backtests only when live work is done, one small batch per round: live tickets never wait for them.
    return options.backtests === false ? false : runBacktestSlice(ctx, flows);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        woken = false;
        resolve();
      }
      sleepers.add(done);
    });

  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        const unlisten = await listenForWork();
        await Promise.all(Array.from({ length: Math.max(1, options.loops ?? 1) }, () => work()));
        await unlisten?.();
      })();
    },
    wake,
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.all(inFlight);
    },
    async runUntilIdle() {
      await watchRollouts(true);
      for (;;) {
        const busy = await round();
        if (inFlight.size > 0) await Promise.all(inFlight);
        else if (!busy) return;
      }
    },
  };
}
