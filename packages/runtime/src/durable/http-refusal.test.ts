import type { TestHttpServer } from '@switchyard/nodes/testing';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/index';
import { createTicket } from './create-ticket';
import { listEffects } from './list-effects';
import type { RuntimeContext } from './runtime-context';
import { ticketHistory } from './ticket-history';
import { useSlaFlowSuite } from './__fixtures__/sla-flow-suite';
import { createWorker } from './worker';

describe.each(testDatabases)('a refused HTTP destination on $name', (target) => {
  let erp: TestHttpServer;
  let ctx: RuntimeContext;
  useSlaFlowSuite(target, { backoffMs: 1_000, maxAttempts: 5, timeoutMs: 2_000 }, (suite) => {
    ({ ctx, erp } = suite);
  });

  it('dead-letters the effect at its first try, naming the host and why in both languages, and calls nothing', async () => {
    // The same flow and stand-in ERP on 127.0.0.1, but a worker whose allow list does not name it.
    const unlisted = createWorker({ ...ctx, httpAllow: [] }, { delivery: { backoffMs: 1_000, maxAttempts: 5, timeoutMs: 2_000 } });
    const { id } = await createTicket(
      ctx,
      { channel: 'chat', subject: '咨询', body: '快递丢了', customer: { id: 'C1', name: '王女士' } },
      'test',
    );
    try {
      await unlisted.runUntilIdle();
    } finally {
      await unlisted.stop();
    }
    expect(erp.requests).toEqual([]);
    const [dead, ...more] = await listEffects(ctx.db, { status: 'dead', ticketId: id });
    expect(more).toEqual([]);
    expect(dead).toMatchObject({ nodeId: 'notify-erp', attempts: 1 });
    expect(dead?.lastError).toContain(
      `refused: 127.0.0.1 is a loopback address; flows may not call internal addresses unless SWITCHYARD_HTTP_ALLOW lists "${erp.host}"`,
    );
    expect(dead?.lastError).toContain('127.0.0.1 是回环地址');
    const history = (await ticketHistory(ctx.db, id)) ?? [];
    expect(history.filter((h) => h.kind === 'effect.retry')).toEqual([]);
    expect(history.find((h) => h.kind === 'effect.dead')?.detail).toMatchObject({ node: 'notify-erp', attempts: 1 });
  });
});
