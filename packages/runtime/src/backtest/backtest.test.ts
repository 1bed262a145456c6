import type { FlowDocument } from '@switchyard/flow';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogContext } from '../catalog/__fixtures__/catalog-context';
import { dryRunFlow } from '../catalog/dry-run-flow';
import { getVersion } from '../catalog/get-version';
import { seedExamples } from '../catalog/seed-examples';
import type { ManualClock } from '../clock';
import type { SampleTicket } from '../dry-run/sample-ticket';
import { createFlowCache } from '../durable/flow-cache';
import type { RuntimeContext } from '../durable/runtime-context';
import { createWorker } from '../durable/worker';
import { testDatabases, useTestDatabase } from '../testing/index';
import { EXAMPLES_DIR, exampleTickets, runRecordedTickets } from '../testing/recorded-tickets';
import { cancelBacktest, getBacktest, getBacktestTicket } from './backtest-views';
import { runBacktestSlice } from './run-backtest-slice';
import { startBacktest } from './start-backtest';

const HOUR = 3_600_000;

describe.each(testDatabases)('backtests on $name', (target) => {
  // One story: the example tickets run durably once, then each test backtests them.
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: RuntimeContext & { clock: ManualClock };
  let samples: SampleTicket[];
  let ids: string[];
  let window: { from: string; to: string };

  beforeAll(async () => {
    ctx = catalogContext(store);
    await seedExamples(ctx, EXAMPLES_DIR);
    samples = await exampleTickets();
    const from = ctx.clock.now().toISOString();
    ids = await runRecordedTickets(ctx, ctx.clock, createWorker(ctx, { backtests: false }), samples);
    window = { from, to: ctx.clock.now().toISOString() };
  }, 600_000);

  /** Runs a job to its end with a worker, as the server's workers would. */
  const finish = async (id: string) => {
    await createWorker(ctx).runUntilIdle();
    return getBacktest(store.db, id);
  };
  const document = async (flowId: string): Promise<FlowDocument> => {
    const version = await getVersion(store.db, flowId, 1);
    if (!version) throw new Error(`${flowId} has no version 1`);
    return structuredClone(version.document);
  };
  /** The sample tickets' ids whose dry-run outcome differs between two documents of a flow (an oracle apart from the history). */
  const changedByDryRun = async (flowId: string, changed: FlowDocument, differs: (a: unknown, b: unknown) => boolean) => {
    const tickets = samples.map(({ expect: _e, note: _n, events, ...t }) => ({
      ...t,
      events: events.map((e) => ({ at: e.at, ...e.event })),
    }));
    const before = await dryRunFlow(ctx, flowId, { version: 1, tickets });
    const after = await dryRunFlow(ctx, flowId, { document: changed, tickets });
    return ids.filter((_, i) => differs(before[i], after[i]));
  };

  it('replays the unchanged version: every ticket reproduces production, nothing differs', async () => {
    const { id, total } = await startBacktest(ctx, 'intake-classify', { version: 1, ...window }, 'test');
    expect(total).toBe(samples.length);
    const job = await finish(id);
    expect(job.differences.filter((d) => d.replayError)).toEqual([]);
    expect(job).toMatchObject({ status: 'done', done: samples.length, differing: 0, replayErrors: 0, roster: 'recorded' });
  }, 120_000);

  it('a draft dropping a keyword reports exactly the tickets whose category changes', async () => {
    const changed = await document('intake-classify');
    const node = changed.nodes.find((n) => n.id === 'ic-is-logistics');
    if (!node?.config) throw new Error('no logistics condition');
    node.config = { ...node.config, keywords: ['物流', '发货', '配送', '运单', 'shipping', 'delivery', 'tracking', 'parcel'] };
    const category = (r: unknown) => (r as { final: { category: string | null } }).final.category;
    const expected = await changedByDryRun('intake-classify', changed, (a, b) => category(a) !== category(b));
    expect(expected.length).toBeGreaterThan(0);

    const { id } = await startBacktest(ctx, 'intake-classify', { document: changed, ...window }, 'test');
    const job = await finish(id);
    expect(job.replayErrors).toBe(0);
    expect(job.byKind.find((k) => k.kind === 'category')?.tickets.sort()).toEqual([...expected].sort());
    expect(job.differences.every((d) => d.kinds.includes('category'))).toBe(true);
    const [first] = expected;
    const detail = await getBacktestTicket(store.db, id, first ?? '');
    expect(detail.baseline.final.category).toBe('logistics');
    expect(detail.candidate.final.category).not.toBe('logistics');
    expect(detail.candidate.paths['intake-classify']).not.toEqual(detail.baseline.paths['intake-classify']);
  }, 120_000);

  it('a draft with a shorter SLA reports the breaches it would cause, with their tickets', async () => {
    const changed = await document('sla-first-response');
    const wait = changed.nodes.find((n) => n.id === 'sla-wait-4h');
    if (!wait?.config) throw new Error('no 4h wait');
    wait.config = { ...wait.config, timeout: '20m' };
    // A breach is a wait's deadline passing (the flow then checks whether the ticket is still open); escalated only if it is.
    const breached = (r: unknown) => (r as { path: string[] }).path.includes('sla-is-open');
    const expected = await changedByDryRun('sla-first-response', changed, (a, b) => !breached(a) && breached(b));
    const escalated = (r: unknown) => (r as { actions: { node: string }[] }).actions.some((a) => a.node === 'sla-escalate');
    const escalations = await changedByDryRun('sla-first-response', changed, (a, b) => !escalated(a) && escalated(b));
    expect(expected.length).toBeGreaterThan(0);
    expect(escalations.length).toBeGreaterThan(expected.length);

    const { id } = await startBacktest(ctx, 'sla-first-response', { document: changed, ...window }, 'test');
    const job = await finish(id);
    expect(job.replayErrors).toBe(0);
    expect(job.byKind.find((k) => k.kind === 'sla_breach_caused')?.tickets.sort()).toEqual([...expected].sort());
    expect(job.byKind.find((k) => k.kind === 'escalation_added')?.tickets.sort()).toEqual([...escalations].sort());
    expect(job.byKind.find((k) => k.kind === 'sla_breach_avoided')).toBeUndefined();
  }, 120_000);

  it('a cancelled job stops where it was', async () => {
    const { id } = await startBacktest(ctx, 'intake-classify', { version: 1, ...window }, 'test');
    const cache = createFlowCache(ctx.registry);
    expect(await runBacktestSlice(ctx, cache, 5)).toBe(true);
    expect((await getBacktest(store.db, id)).done).toBe(5);
    await cancelBacktest(store.db, id, ctx.clock.now());
    expect(await runBacktestSlice(ctx, cache, 5)).toBe(false);
    expect(await getBacktest(store.db, id)).toMatchObject({ status: 'cancelled', done: 5 });
  });

  it('a job survives a worker that died holding it: once its lease runs out another worker finishes it', async () => {
    const { id, total } = await startBacktest(ctx, 'intake-classify', { version: 1, ...window }, 'test');
    expect(await runBacktestSlice(ctx, createFlowCache(ctx.registry), 5)).toBe(true);
    // A worker claims the next batch and dies before recording it.
    await store.db
      .updateTable('backtests')
      .set({ lease_until: new Date(ctx.clock.now().getTime() + 60_000) })
      .where('id', '=', id)
      .execute();
    const restarted = createFlowCache(ctx.registry);
    expect(await runBacktestSlice(ctx, restarted, 5)).toBe(false);
    ctx.clock.advance(HOUR);
    const job = await finish(id);
    expect(job).toMatchObject({ status: 'done', done: total, differing: 0, replayErrors: 0 });
  }, 120_000);
});
