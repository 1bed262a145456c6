import { ApiError, Backtest, BacktestStarted, createApiClient } from '@switchyard/api';
import type { FlowDocument } from '@switchyard/flow';
import { createWorker, seedExamples } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

const TICKETS = [
  { channel: 'chat', subject: '快递三天没动', body: '我的快递怎么还没到', customer: { id: 'c1' } },
  { channel: 'web', subject: '物流查询', body: '运单号是多少', customer: { id: 'c2' } },
  { channel: 'email', subject: '发票', body: '请开发票', customer: { id: 'c3' } },
  { channel: 'chat', subject: 'Where is my parcel', body: 'no delivery yet', customer: { id: 'c4', tier: 'vip' } },
];

describe.each(testDatabases)('backtest routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let from: string;
  let to: string;
  const client = () =>
    createApiClient({
      baseUrl: 'http://localhost/',
      fetch: async (url, init) => t.app.request(url, init),
      headers: { authorization: 'Bearer test-admin-token' },
    });

  beforeAll(async () => {
    t = testApp(store);
    await seedExamples(t.ctx, EXAMPLES_DIR);
    from = t.ctx.clock.now().toISOString();
    for (const ticket of TICKETS) {
      t.ctx.clock.advance(60_000);
      expect((await t.call('POST', '/api/tickets', ticket)).status).toBe(201);
      await createWorker(t.ctx).runUntilIdle();
    }
    t.ctx.clock.advance(3_600_000);
    await createWorker(t.ctx).runUntilIdle();
    to = t.ctx.clock.now().toISOString();
  }, 60_000);

  it('starts a job (202), which the workers run; the answer lists the tickets whose category a changed keyword list moves', async () => {
    const version = await client().getVersion('intake-classify', 1);
    const document: FlowDocument = structuredClone(version.document);
    const node = document.nodes.find((n) => n.id === 'ic-is-logistics');
    if (!node) throw new Error('no logistics condition');
    node.config = { ...node.config, keywords: ['物流', '运单'] };
    const started = expectBody(await t.call('POST', '/api/flows/intake-classify/backtest', { document, from, to }), BacktestStarted);
    expect(started.total).toBe(TICKETS.length);
    const running = expectBody(await t.call('GET', `/api/backtests/${started.id}`), Backtest);
    expect(running).toMatchObject({ status: 'running', done: 0 });

    await createWorker(t.ctx).runUntilIdle();
    const job = await client().getBacktest(started.id);
    expect(job).toMatchObject({ status: 'done', done: 4, differing: 2, replayErrors: 0, version: null });
    const moved = job.byKind.find((k) => k.kind === 'category')?.tickets ?? [];
    expect(job.differences.map((d) => d.subject).sort()).toEqual(['Where is my parcel', '快递三天没动']);
    expect(moved).toHaveLength(2);

    const detail = await client().backtestTicket(started.id, moved[0] ?? '');
    expect(detail.baseline.final.category).toBe('logistics');
    expect(detail.candidate.final.category).toBe('inquiry');
    expect(detail.baseline.paths['intake-classify']).toContain('ic-set-logistics');
    expect(detail.candidate.paths['intake-classify']).toContain('ic-set-inquiry');
    expect((await client().listBacktests('intake-classify')).map((b) => b.id)).toEqual([started.id]);
  });

  it('cancels a running job and deletes one with its results', async () => {
    const { id } = await client().startBacktest('intake-classify', { version: 1, from, to });
    expect(await client().cancelBacktest(id)).toMatchObject({ status: 'cancelled', done: 0 });
    await createWorker(t.ctx).runUntilIdle();
    expect(await client().getBacktest(id)).toMatchObject({ status: 'cancelled', done: 0 });
    expect((await client().deleteBacktest(id)).id).toBe(id);
    const gone = await client()
      .getBacktest(id)
      .catch((e: unknown) => e);
    expect(gone instanceof ApiError && gone.status).toBe(404);
  });

  it('refuses a window that ends before it starts, naming the field, and an unknown flow', async () => {
    const bad = await t.call('POST', '/api/flows/intake-classify/backtest', { version: 1, from: to, to: from });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('to');
    expect((await t.call('POST', '/api/flows/nope/backtest', { from, to })).status).toBe(404);
  });
});
