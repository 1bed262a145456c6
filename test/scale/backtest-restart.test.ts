import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createManualClock, createTicket, createWorker, getBacktest, seedExamples, startBacktest } from '@switchyard/runtime';
import { testPostgres, useTestDatabase } from '@switchyard/runtime/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorkerProcess, type WorkerProcess } from './worker-processes';

/*
 * Issue 20: "a job survives a worker restart", with real processes. Tickets run durably through
 * the example flows (in this process, on a manual clock set a day ahead so the worker processes,
 * on the system clock, find none of their timers or effects due), then a backtest of the unchanged
 * intake version starts; a worker process takes it, is SIGKILLed once it has recorded some
 * tickets, and a fresh process (with nothing in memory: no cached candidate, no flows) finishes it
 * once the dead one's lease runs out. Every ticket is replayed exactly once and reproduces production.
 */
const TICKETS = 300;
const SUBJECTS = ['快递还没到', '我要退货退款', 'App crash on login', 'Invoice please', '投诉客服态度', 'How do I reset my password?'];
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
const EXAMPLES = join(import.meta.dirname, '../../examples');

describe('backtest jobs across a worker restart on the real PostgreSQL', () => {
  const store = useTestDatabase(testPostgres, { keepRows: true });
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    await Promise.all(workers.filter((w) => !w.exited).map((w) => w.kill()));
  });

  it('a SIGKILLed worker loses nothing: another process takes the job over and finishes it', { timeout: 300_000 }, async () => {
    const clock = createManualClock(new Date(Date.now() + 86_400_000));
    const ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await seedExamples(ctx, EXAMPLES);
    const from = clock.now().toISOString();
    const live = createWorker(ctx, { backtests: false });
    for (let i = 0; i < TICKETS; i++) {
      clock.advance(1_000);
      await createTicket(
        ctx,
        { channel: 'chat', subject: SUBJECTS[i % SUBJECTS.length] ?? '', body: `#${i}`, customer: { id: `bt-${i % 40}` } },
        'test',
      );
    }
    for (let step = 0; step < 6; step++) {
      clock.advance(600_000);
      await live.runUntilIdle();
    }
    const { id, total } = await startBacktest(ctx, 'intake-classify', { version: 1, from, to: clock.now().toISOString() }, 'test');
    expect(total).toBe(TICKETS);

    const first = startWorkerProcess(store.schema ?? '');
    workers.push(first);
    await first.ready;
    await expect.poll(async () => (await getBacktest(store.db, id)).done, { timeout: 120_000, interval: 20 }).toBeGreaterThan(0);
    await first.kill();
    const killedAt = await getBacktest(store.db, id);
    // Killed halfway: the job is still running, and what was recorded before the kill stays.
    expect(killedAt.status).toBe('running');
    expect(killedAt.done).toBeLessThan(TICKETS);

    const second = startWorkerProcess(store.schema ?? '');
    workers.push(second);
    await second.ready;
    // The dead worker's lease (60 s) may have to run out first.
    await expect.poll(async () => (await getBacktest(store.db, id)).status, { timeout: 180_000, interval: 500 }).toBe('done');
    await second.stop();

    const job = await getBacktest(store.db, id);
    expect(job).toMatchObject({ done: TICKETS, differing: 0, replayErrors: 0 });
    const rows = await store.db.selectFrom('backtest_tickets').select('ticket_id').where('backtest_id', '=', id).execute();
    expect(rows).toEqual([]);
    console.log(`backtest-restart: killed at ${killedAt.done}/${TICKETS} replayed; the second process finished the job`);
  });
});
