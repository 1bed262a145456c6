import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import type { TestHttpServer } from '@switchyard/nodes/testing';
import { describe, expect, it } from 'vitest';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { testDatabases } from '../testing/index';
import { createTicket } from './create-ticket';
import { claimEffects, deliverEffect } from './deliver-effects';
import { createFlowCache } from './flow-cache';
import { postTicketEvent } from './post-ticket-event';
import { listEffects } from './list-effects';
import { processDueTickets } from './process-due-tickets';
import { runtimeStats } from './runtime-stats';
import type { RuntimeContext } from './runtime-context';
import { ticketHistory } from './ticket-history';
import { ticketMessages } from './ticket-messages';
import { getTicket } from './ticket-views';
import { EFFECT_FAILED_FLAG } from './ticket-work';
import { useSlaFlowSuite } from './__fixtures__/sla-flow-suite';
import { createWorker, type Worker } from './worker';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;

describe.each(testDatabases)('durable runtime on $name', (target) => {
  let erp: TestHttpServer;
  let ctx: RuntimeContext;
  let worker: Worker;
  // Each test starts on an empty database with the SLA flow deployed and a fresh worker.
  const { store, clock } = useSlaFlowSuite(target, { backoffMs: 1_000, maxAttempts: 3, timeoutMs: 2_000 }, (suite) => {
    ({ ctx, worker, erp } = suite);
  });

  const openTicket = (body: string) =>
    createTicket(ctx, { channel: 'chat', subject: '咨询', body, customer: { id: 'C1', name: '王女士' } }, 'test');
  const requestsFor = (ticketId: string) => erp.requests.filter((r) => (r.body as { ticket?: string } | undefined)?.ticket === ticketId);

  it('classifies in the transaction, delivers the effect once with its key, and fires the SLA timer 15 minutes later', async () => {
    const { id, number } = await openTicket('我的快递三天没有物流更新了');
    expect(number).toMatch(/^GD202605\d{4}$/);
    await worker.runUntilIdle();
    expect((await getTicket(store.db, id))?.category).toBe('logistics');
    const delivered = requestsFor(id);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.headers['idempotency-key']).toBe(`${id}:sla-test:notify-erp:1`);
    expect((await getTicket(store.db, id))?.tags).toEqual([]);

    const openedAt = clock.now().getTime();
    expect((await getTicket(store.db, id))?.deadlines).toEqual([
      { flowId: 'sla-test', node: 'wait-reply', dueAt: new Date(openedAt + 15 * MINUTE).toISOString() },
    ]);
    clock.advance(14 * MINUTE);
    await worker.runUntilIdle();
    expect((await getTicket(store.db, id))?.tags).toEqual([]);
    clock.advance(1 * MINUTE);
    await worker.runUntilIdle();
    expect((await getTicket(store.db, id))?.tags).toEqual(['sla_breached']);
    expect((await getTicket(store.db, id))?.deadlines).toEqual([]);
    expect(await store.db.selectFrom('timers').where('ticket_id', '=', id).selectAll().execute()).toEqual([]);

    const conversation = (await ticketMessages(store.db, id))!.map(({ direction, author, body }) => ({ direction, author, body }));
    expect(conversation).toEqual([
      { direction: 'in', author: 'C1', body: '咨询\n我的快递三天没有物流更新了' },
      { direction: 'out', author: 'flow:sla-test/ack', body: `您好，工单 ${number} 已受理。` },
    ]);
    const kinds = (await ticketHistory(store.db, id))!.map((h) => h.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'ticket.created',
        'event.applied',
        'flow.transition',
        'action',
        'effect.queued',
        'effect.delivered',
        'timer.fired',
      ]),
    );
    expect(requestsFor(id)).toHaveLength(1);
  });

  it("sends flows' messages through the gateway once, with the effect's idempotency key", async () => {
    const gatewayWorker = createWorker({ ...ctx, messageGateway: { url: `${erp.url}/gateway`, token: 'secret' } });
    try {
      const { id, number } = await openTicket('快递');
      await gatewayWorker.runUntilIdle();
      const sent = erp.requests.filter((r) => r.url === '/gateway' && (r.body as { ticketId: string }).ticketId === id);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.headers.authorization).toBe('Bearer secret');
      expect(sent[0]!.headers['idempotency-key']).toBe(`${id}:sla-test:ack:1`);
      expect(sent[0]!.body).toMatchObject({ ticketNumber: number, message: { audience: 'customer', via: 'chat', language: 'zh-CN' } });
    } finally {
      await gatewayWorker.stop();
    }
  });

  it('cancels the timer when the agent replies in time', async () => {
    const { id } = await openTicket('物流查询');
    await worker.runUntilIdle();
    expect(await store.db.selectFrom('timers').where('ticket_id', '=', id).select('timer_id').execute()).toHaveLength(1);
    clock.advance(5 * MINUTE);
    await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: 'li-na', body: '您好' }, 'test');
    await worker.runUntilIdle();
    expect(await store.db.selectFrom('timers').where('ticket_id', '=', id).select('timer_id').execute()).toEqual([]);
    clock.advance(30 * MINUTE);
    await worker.runUntilIdle();
    const ticket = await getTicket(store.db, id);
    expect(ticket?.tags).toEqual([]);
    expect(ticket?.stats.agentReplies).toBe(1);
    expect((await ticketMessages(store.db, id))?.at(-1)).toMatchObject({ direction: 'out', author: 'li-na', body: '您好' });
  });

  it('retries a failing effect with backoff, then dead-letters it, flags the ticket and shows the error; other tickets go on', async () => {
    erp.answerWith({ status: 503 });
    const { id } = await openTicket('快递丢了');
    await worker.runUntilIdle();
    expect(requestsFor(id)).toHaveLength(1);
    erp.answerWith({ body: { ok: true } });
    const healthy = await openTicket('快递到哪了');
    erp.answerWith((request) => ((request.body as { ticket?: string }).ticket === id ? { status: 503 } : { body: { ok: true } }));
    await worker.runUntilIdle();
    expect(requestsFor(healthy.id)).toHaveLength(1);

    clock.advance(1_500);
    await worker.runUntilIdle();
    expect(requestsFor(id)).toHaveLength(2);
    clock.advance(3_000);
    await worker.runUntilIdle();
    expect(requestsFor(id)).toHaveLength(3);
    const outbox = await store.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('ticket_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ status: 'dead', attempts: 3 });
    expect(outbox.last_error).toMatch(/503/);
    const keys = new Set(requestsFor(id).map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);

    const ticket = await getTicket(store.db, id);
    expect(ticket?.flags).toContain(EFFECT_FAILED_FLAG);
    const history = (await ticketHistory(store.db, id))!;
    expect(history.filter((h) => h.kind === 'effect.retry')).toHaveLength(2);
    expect(history.find((h) => h.kind === 'effect.dead')?.detail).toMatchObject({ node: 'notify-erp', attempts: 3 });
    // No error branch on the http node: the run ends with the failure recorded.
    const flowError = history.find((h) => h.kind === 'flow.error')?.detail as { node: string; message: string };
    expect(flowError.node).toBe('notify-erp');
    expect(flowError.message).toMatch(/503/);
    expect((await getTicket(store.db, healthy.id))?.flags).toEqual([]);

    const dead = await listEffects(store.db, { status: 'dead', ticketId: id });
    expect(dead).toEqual([expect.objectContaining({ nodeId: 'notify-erp', attempts: 3, idempotencyKey: `${id}:sla-test:notify-erp:1` })]);
    expect(dead[0]!.lastError).toMatch(/503/);
    const stats = await runtimeStats(store.db, clock.now());
    expect(stats.effects.dead).toBeGreaterThanOrEqual(1);
    expect(stats).toMatchObject({ ticketsDue: 0, lagMs: 0, eventsPending: 0 });
  });

  it('lets another worker take over an effect whose worker died mid-delivery, with the same key, and ignores the late settle', async () => {
    const flows = createFlowCache(registry);
    const { id } = await openTicket('物流');
    await processDueTickets(ctx, flows);
    // Worker A claims the effect, then dies before settling it.
    const [claimedByA] = await claimEffects(ctx, 10, { timeoutMs: 2_000 });
    expect(claimedByA?.ticket_id).toBe(id);
    // Its lease (2 s timeout + 5 s grace) has not run out: nobody else may take it.
    expect(await claimEffects(ctx, 10, { timeoutMs: 2_000 })).toEqual([]);
    clock.advance(7_001);
    const [takenOverByB] = await claimEffects(ctx, 10, { timeoutMs: 2_000 });
    expect(takenOverByB).toMatchObject({ id: claimedByA!.id, idempotency_key: claimedByA!.idempotency_key, attempts: 2 });
    const roster = async () => ({ groups: [], agents: [] });
    expect(await deliverEffect(ctx, flows, takenOverByB!, roster)).toBe('done');
    // A comes back to life and finishes its call: the service sees the same key, the store ignores A.
    expect(await deliverEffect(ctx, flows, claimedByA!, roster)).toBe('lost');
    expect(requestsFor(id).map((r) => r.headers['idempotency-key'])).toEqual([claimedByA!.idempotency_key, claimedByA!.idempotency_key]);
    await worker.runUntilIdle();
    const results = await store.db
      .selectFrom('ticket_events')
      .select('type')
      .where('ticket_id', '=', id)
      .where('node_id', '=', 'notify-erp')
      .execute();
    expect(results).toEqual([{ type: 'effect.done' }]);
  });

  it('puts aside a ticket it cannot process (a corrupt snapshot) and goes on with the others', async () => {
    const broken = await openTicket('物流');
    await worker.runUntilIdle();
    await store.db
      .updateTable('ticket_flows')
      .set({ snapshot: flowSnapshotShape.json({ value: 'no-such-state', context: { vars: {} } }) })
      .where('ticket_id', '=', broken.id)
      .execute();
    await postTicketEvent(ctx, broken.id, { type: 'agent.reply', agentId: 'li-na', body: '好的' }, 'test');
    const healthy = await openTicket('快递');
    await worker.runUntilIdle();
    expect((await getTicket(store.db, healthy.id))?.category).toBe('logistics');
    const fault = (await ticketHistory(store.db, broken.id))!.find((h) => h.kind === 'ticket.fault');
    expect((fault?.detail as { message: string }).message).toMatch(/no-such-state/);
    const pending = await store.db
      .selectFrom('ticket_events')
      .select('type')
      .where('ticket_id', '=', broken.id)
      .where('applied_at', 'is', null)
      .execute();
    expect(pending).toEqual([{ type: 'agent.reply' }]);
    const row = await store.db.selectFrom('tickets').select('wake_at').where('id', '=', broken.id).executeTakeFirstOrThrow();
    expect(row.wake_at!.getTime()).toBe(clock.now().getTime() + 60_000);
  });

  it('reports how much work waits and how late it is', async () => {
    await worker.runUntilIdle();
    const before = await runtimeStats(store.db, clock.now());
    await openTicket('快递');
    clock.advance(5_000);
    const waiting = await runtimeStats(store.db, clock.now());
    expect(waiting.ticketsDue).toBeGreaterThanOrEqual(1);
    expect(waiting.lagMs).toBeGreaterThanOrEqual(5_000);
    expect(waiting.eventsPending).toBe(before.eventsPending + 1);
    await worker.runUntilIdle();
    expect(await runtimeStats(store.db, clock.now())).toMatchObject({ ticketsDue: 0, lagMs: 0, eventsPending: before.eventsPending });
  });

  it('wakes on an event committed elsewhere at once (NOTIFY), not at its next poll an hour later', async () => {
    const { id } = await openTicket('物流');
    await worker.runUntilIdle();
    let idle = () => {};
    /** Resolves the next time the worker finds nothing to do and goes to sleep. */
    const asleep = () => new Promise<void>((resolve) => (idle = resolve));
    const listening = createWorker(ctx, { pollMs: 3_600_000, notifications: store, onIdle: () => idle() });
    const firstSleep = asleep();
    listening.start();
    try {
      await firstSleep;
      // Asleep for an hour: only the notification of this commit can make it apply the reply.
      const nextSleep = asleep();
      await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: 'li-na', body: '您好' }, 'test');
      await nextSleep;
      expect((await getTicket(store.db, id))?.stats.agentReplies).toBe(1);
    } finally {
      await listening.stop();
    }
  });

  it('runs several loops in one process that share the work, each ticket once', async () => {
    const loops = createWorker(ctx, { loops: 4, pollMs: 20, notifications: store });
    loops.start();
    try {
      const opened = await Promise.all(Array.from({ length: 24 }, (_, i) => openTicket(`快递 ${i}`)));
      const ids = opened.map((t) => t.id);
      const delivered = () => erp.requests.filter((r) => ids.includes((r.body as { ticket?: string } | undefined)?.ticket ?? '')).length;
      await expect.poll(delivered, { timeout: 10_000, interval: 50 }).toBe(24);
      const applied = await store.db
        .selectFrom('audit_entries')
        .select(['ticket_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('kind', '=', 'event.applied')
        .where('ticket_id', 'in', ids)
        .groupBy('ticket_id')
        .execute();
      expect(applied).toHaveLength(24);
      expect(new Set(applied.map((a) => Number(a.n)))).toEqual(new Set([1]));
      const keys = erp.requests
        .filter((r) => ids.includes((r.body as { ticket?: string } | undefined)?.ticket ?? ''))
        .map((r) => r.headers['idempotency-key']);
      expect(new Set(keys).size).toBe(24);
    } finally {
      await loops.stop();
    }
  });

  it('refuses a bad event or an unknown ticket by name and writes nothing', async () => {
    const { id } = await openTicket('你好');
    await worker.runUntilIdle();
    const before = await store.db
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(postTicketEvent(ctx, id, { type: 'customer.message' }, 'test')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'body' }],
    });
    await expect(postTicketEvent(ctx, id, { type: 'ticket.created' }, 'test')).rejects.toMatchObject({ status: 400 });
    await expect(postTicketEvent(ctx, 'no-such-ticket', { type: 'customer.message', body: 'x' }, 'test')).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      createTicket(ctx, { channel: 'fax' as 'chat', subject: '', body: '', customer: { id: 'C1' } }, 'test'),
    ).rejects.toMatchObject({ status: 400, details: [{ path: 'channel' }] });
    const after = await store.db
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('numbers tickets GD + yyyyMM + a sequence, unique when opened at once', async () => {
    clock.set('2026-06-15T10:00:00+08:00');
    const opened = await Promise.all(Array.from({ length: 12 }, (_, i) => openTicket(`咨询 ${i}`)));
    const numbers = opened.map((t) => t.number).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[0]).toBe('GD2026060001');
    expect(numbers[11]).toBe('GD2026060012');
  });
});
