import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import { type RuntimeContext, systemClock } from '@switchyard/runtime';
import { seededRandom, testPostgres, useTestDatabase } from '@switchyard/runtime/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScaleRun } from './scale-checks';
import { deployScaleFlows } from './scale-flows';
import { createTickets, postMessages, waitUntilQuiet } from './scale-load';
import { startWorkerProcess, startWorkerProcesses, type WorkerProcess } from './worker-processes';

/*
 * Crash safety: three worker processes under the same load as the scale-out test (fewer
 * tickets), while one of them, chosen at random every 300-1500 ms, is killed with SIGKILL
 * and replaced by a fresh process. Kills land in the middle of ticket batches (rolled back
 * by PostgreSQL) and of deliveries (the outbox lease, 2 s delivery timeout + 5 s, expires
 * and another worker delivers again with the same idempotency key). The receiver answers
 * after 0-40 ms so that kills often catch a request in flight. Afterwards nothing may be
 * lost or done twice: every event applied once and in order, every timer fired once,
 * every effect settled once and received; a key may reach the receiver more than once only
 * when its delivery was claimed more than once (a kill interrupted it, or the receiver
 * refused it once: every fifth key gets a 503 first, so retries run under the kills too), and never more
 * often than it was claimed.
 */
const TICKETS = 200;
const ROUNDS = 10;
const PROCESSES = 3;
/** Kills go on after the load until there were at least this many (then the backlog still runs). */
const MIN_KILLS = 10;
const WORKER_ENV = { SCALE_DELIVERY_TIMEOUT_MS: '2000' };
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
/** Seeded: which worker dies when, and how slow the service is, are drawn the same every run. */
const random = seededRandom(20_260_301);
const randomBetween = (min: number, max: number) => min + random() * (max - min);
/** A stable number per key, so which keys are refused once does not depend on timing. */
const keyHash = (key: string) => [...key].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);

describe('crash safety on the real PostgreSQL', () => {
  // Worker processes work in this schema until afterAll stops them: no emptying tables under them.
  const store = useTestDatabase(testPostgres, { keepRows: true, maxConnections: 12 });
  let receiver: TestHttpServer;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // Every fifth key is refused once (503) before it is accepted: retries run while workers die too.
    const refusedOnce = new Set<string>();
    receiver = await startTestHttpServer((request) => {
      const key = String(request.headers['idempotency-key'] ?? '');
      if (keyHash(key) % 5 === 0 && !refusedOnce.has(key)) {
        refusedOnce.add(key);
        return { status: 503 };
      }
      return { status: 200, delayMs: Math.floor(randomBetween(0, 40)) };
    });
  });
  afterAll(async () => {
    await Promise.all(workers.filter((w) => !w.exited).map((w) => w.kill()));
    await receiver?.close();
  });

  it('SIGKILLed workers lose nothing and do nothing twice', { timeout: 120_000 }, async () => {
    const ctx: RuntimeContext = { db: store.db, registry, clock: systemClock, logger: pino({ level: 'warn' }) };
    await deployScaleFlows(ctx, registry, receiver.url);
    workers = await startWorkerProcesses(PROCESSES, store.schema!, { ...WORKER_ENV, SWITCHYARD_HTTP_ALLOW: receiver.host });

    let loading = true;
    const kills: number[] = [];
    const started = performance.now();
    const chaos = (async () => {
      while (loading || kills.length < MIN_KILLS) {
        await new Promise((resolve) => setTimeout(resolve, randomBetween(300, 1500)));
        const slot = Math.floor(random() * workers.length);
        await workers[slot]!.kill();
        kills.push(Math.round(performance.now() - started));
        workers[slot] = startWorkerProcess(store.schema!, { ...WORKER_ENV, SWITCHYARD_HTTP_ALLOW: receiver.host });
      }
    })();
    let posted = 0;
    let ids: string[] = [];
    let loadMs = 0;
    try {
      ids = await createTickets(ctx, TICKETS, 12);
      posted = await postMessages(ctx, ids, ROUNDS, 12);
      loadMs = performance.now() - started;
    } finally {
      loading = false;
      await chaos;
    }
    await Promise.all(workers.map((w) => w.ready));
    await waitUntilQuiet(store.db, 45_000);
    const settledMs = performance.now() - started;
    const stats = await Promise.all(workers.map((w) => w.stop()));

    const report = await checkScaleRun(store.db, receiver, ids, ROUNDS);
    const reclaimed = await store.db.selectFrom('outbox').select('idempotency_key').where('attempts', '>', 1).execute();
    console.log(
      `crash-safety: ${kills.length} SIGKILLs at ${kills.map((t) => `${(t / 1000).toFixed(1)}s`).join(', ')}; the load took ${(loadMs / 1000).toFixed(1)} s ` +
        `(${TICKETS} tickets + ${posted} messages); all settled after ${(settledMs / 1000).toFixed(1)} s; ${report.outbox} effects, ${reclaimed.length} claimed more than once (a 503, or a lease that expired), ` +
        `${report.deliveries} deliveries for ${report.distinctKeys} keys: ${report.duplicates.length} keys received more than once (${
          report.duplicates
            .slice(0, 3)
            .map((d) => `${d.key} x${d.received}, claimed ${d.attempts} times`)
            .join('; ') || 'none'
        }${report.duplicates.length > 3 ? '; ...' : ''}); ` +
        `${report.timersFired} timers fired, ${report.retries} retries; survivors: ${stats.map((s) => `pid ${s.pid} applied ${s.applied}, settled ${s.settled}`).join('; ')}`,
    );
    expect(kills.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(report.problems).toEqual([]);
    expect(report.ticketEvents).toBe(TICKETS * (ROUNDS + 1));
    expect(report.distinctKeys).toBe(report.outbox);
    // The refused keys were retried and then delivered; nothing was given up.
    expect(report.retries).toBeGreaterThan(0);
    // A duplicate is allowed only for a delivery a kill interrupted (claimed again after its lease ran out).
    for (const d of report.duplicates) {
      expect(d.attempts, `${d.key} received ${d.received} times`).toBeGreaterThan(1);
      expect(d.received, `${d.key} received more often than claimed`).toBeLessThanOrEqual(d.attempts);
    }
  });
});
