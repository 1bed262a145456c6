import type { TestHttpServer } from '@switchyard/nodes/testing';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/index';
import { useSlaFlowSuite } from './__fixtures__/sla-flow-suite';
import { createTicket } from './create-ticket';
import { listEffects } from './list-effects';
import { listFlowErrors } from './list-flow-errors';
import type { RuntimeContext } from './runtime-context';
import { createWorker } from './worker';

describe.each(testDatabases)('listFlowErrors on $name', (target) => {
  let ctx: RuntimeContext;
  let erp: TestHttpServer;
  const { clock } = useSlaFlowSuite(target, { backoffMs: 1_000, maxAttempts: 5, timeoutMs: 2_000 }, (suite) => {
    ({ ctx, erp } = suite);
  });

  /** A ticket whose http call is refused at its first try: a dead effect, and the flow's error at that node. */
  async function failedTicket(body: string): Promise<string> {
    const unlisted = createWorker({ ...ctx, httpAllow: [] }, { delivery: { backoffMs: 1_000, maxAttempts: 5, timeoutMs: 2_000 } });
    const { id } = await createTicket(ctx, { channel: 'chat', subject: '咨询', body, customer: { id: 'C1', name: '王女士' } }, 'test');
    try {
      await unlisted.runUntilIdle();
    } finally {
      await unlisted.stop();
    }
    return id;
  }

  it('lists the errors a flow met, newest first, with ticket, node and message; filtered by flow and time', async () => {
    expect(await listFlowErrors(ctx.db)).toEqual([]);
    const first = await failedTicket('快递丢了');
    clock.advance(60_000);
    const second = await failedTicket('快递还没到');
    expect(erp.requests).toEqual([]);
    const [dead] = await listEffects(ctx.db, { status: 'dead', ticketId: first });
    const errors = await listFlowErrors(ctx.db);
    expect(errors.map((e) => e.ticketId)).toEqual([second, first]);
    expect(errors[1]).toMatchObject({ flowId: dead?.flowId, nodeId: 'notify-erp' });
    expect(errors[1]?.message).toContain('127.0.0.1');
    expect(await listFlowErrors(ctx.db, { flowId: 'another-flow' })).toEqual([]);
    expect((await listFlowErrors(ctx.db, { flowId: dead?.flowId, limit: 1 })).map((e) => e.ticketId)).toEqual([second]);
    const since = new Date(Date.parse(errors[1]?.at ?? '') + 1).toISOString();
    expect((await listFlowErrors(ctx.db, { since })).map((e) => e.ticketId)).toEqual([second]);
  });
});
