import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import type { RuntimeContext } from '../durable/runtime-context';
import { testDatabases, useTestDatabase } from '../testing/index';
import { deliverOpsNotifications, listOpsNotifications, notifyOps } from './ops-notifications';

describe.each(testDatabases)('ops notifications on $name', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  let webhook: TestHttpServer;
  const clock = createManualClock('2026-06-01T09:00:00Z');

  beforeAll(async () => {
    webhook = await startTestHttpServer({ status: 503, body: { error: 'busy' } });
    ctx = { db: store.db, registry: createNodeRegistry(builtinNodes), clock, logger: pino({ level: 'silent' }) };
  });
  afterAll(async () => {
    await webhook.close();
  });

  it('posts each notification to the webhook until it is accepted, with its key and token, and then never again', async () => {
    await store.db.transaction().execute((trx) =>
      notifyOps(trx, clock.now(), {
        kind: 'rollout.guardrail_tripped',
        flowId: 'intake',
        message: { en: 'rolled back', 'zh-CN': '已回滚' },
        detail: { candidate: 2 },
      }),
    );
    const target = { url: `${webhook.url}/ops`, token: 'hook-token' };
    expect(await deliverOpsNotifications(ctx, target)).toBe(0);
    expect(webhook.requests).toHaveLength(1);
    // Refused: it waits for its backoff before the next try.
    expect(await deliverOpsNotifications(ctx, target)).toBe(0);
    expect(webhook.requests).toHaveLength(1);
    webhook.answerWith({ status: 200, body: {} });
    clock.advance(1_000);
    expect(await deliverOpsNotifications(ctx, target)).toBe(1);
    expect(await deliverOpsNotifications(ctx, target)).toBe(0);
    expect(webhook.requests).toHaveLength(2);
    const [first, second] = webhook.requests;
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(second!.headers.authorization).toBe('Bearer hook-token');
    expect(second!.body).toMatchObject({ kind: 'rollout.guardrail_tripped', flowId: 'intake', message: { 'zh-CN': '已回滚' } });
    expect(await listOpsNotifications(store.db)).toEqual([
      expect.objectContaining({ kind: 'rollout.guardrail_tripped', deliveredAt: clock.now().toISOString() }),
    ]);
  });
});
