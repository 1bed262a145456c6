import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import { type RuntimeContext, systemClock } from '@switchyard/runtime';
import { testPostgres, useTestDatabase } from '@switchyard/runtime/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScaleRun } from './scale-checks';
import { deployScaleFlows } from './scale-flows';
import { createTickets, postMessages, waitUntilQuiet } from './scale-load';
import { startWorkerProcesses, type WorkerProcess, type WorkerStats } from './worker-processes';

/*
 * Scale-out: three worker processes on one PostgreSQL share the work. The test process opens
 * 300 tickets and posts 12 messages to each (3,900 ticket events, tickets posted to
 * concurrently) while the workers run two flows that call a local HTTP receiver (one per
 * message run, one after each 1 s quiet timeout, one after each ticket's 1 s delay). Then:
 * every event applied once and in order, every effect settled once and received once,
 * every timer fired once, and every process did part of the work.
 */
const TICKETS = 300;
const ROUNDS = 12;
const PROCESSES = 3;
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);

describe('scale-out on the real PostgreSQL', () => {
  // Worker processes work in this schema until afterAll stops them: no emptying tables under them.
  const store = useTestDatabase(testPostgres, { keepRows: true, maxConnections: 16 });
  let receiver: TestHttpServer;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    receiver = await startTestHttpServer({ status: 200 });
  });
  afterAll(async () => {
    await Promise.all(workers.filter((w) => !w.exited).map((w) => w.kill()));
    await receiver?.close();
  });

  it(
    `${PROCESSES} worker processes share ${TICKETS} tickets x ${ROUNDS} messages with nothing done twice`,
    { timeout: 90_000 },
    async () => {
      const ctx: RuntimeContext = { db: store.db, registry, clock: systemClock, logger: pino({ level: 'warn' }) };
      await deployScaleFlows(ctx, registry, receiver.url);
      workers = await startWorkerProcesses(PROCESSES, store.schema!, { SWITCHYARD_HTTP_ALLOW: receiver.host });

      const started = performance.now();
      const ids = await createTickets(ctx, TICKETS, 16);
      const posted = await postMessages(ctx, ids, ROUNDS, 16);
      const postedMs = performance.now() - started;
      await waitUntilQuiet(store.db, 45_000);
      const settledMs = performance.now() - started;
      const stats: WorkerStats[] = await Promise.all(workers.map((w) => w.stop()));

      const report = await checkScaleRun(store.db, receiver, ids, ROUNDS);
      console.log(
        `scale-out: ${TICKETS} tickets + ${posted} messages posted in ${(postedMs / 1000).toFixed(1)} s, all settled after ${(settledMs / 1000).toFixed(1)} s; ` +
          `${report.outbox} effects, ${report.deliveries} deliveries (${report.distinctKeys} keys), ${report.timersFired} timers fired, ${report.retries} retries; ` +
          `per process: ${stats.map((s) => `pid ${s.pid} applied ${s.applied} events in ${s.batches} batches, settled ${s.settled}/${s.claimed} claimed effects`).join('; ')}`,
      );
      expect(report.problems).toEqual([]);
      expect(report.ticketEvents).toBe(TICKETS * (ROUNDS + 1));
      expect(report.duplicates).toEqual([]);
      expect(report.distinctKeys).toBe(report.outbox);
      expect(report.deliveries).toBe(report.outbox);
      // Every process took a share of both kinds of work, and together they did it once.
      for (const s of stats) {
        expect(s.applied, `pid ${s.pid} applied no events`).toBeGreaterThan(0);
        expect(s.settled, `pid ${s.pid} delivered no effects`).toBeGreaterThan(0);
      }
      expect(stats.reduce((n, s) => n + s.applied, 0)).toBe(report.ticketEvents + report.effectResults);
      expect(stats.reduce((n, s) => n + s.settled, 0)).toBe(report.outbox);
    },
  );
});
