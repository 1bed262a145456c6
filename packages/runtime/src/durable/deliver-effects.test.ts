import type { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, defineNode } from '@switchyard/nodes';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import type { RuntimeContext } from './runtime-context';
import { createWorker } from './worker';

/** A call to a system that never answers and ignores the abort signal: only the host's timeout can end it. */
const hangingCall = defineNode({
  type: 'test.hanging_call',
  kind: 'action',
  sideEffect: true,
  timeoutMs: 5_000,
  title: { en: 'Hanging call', 'zh-CN': '无响应的调用' },
  config: z.strictObject({ timeoutMs: z.number().int().optional() }),
  run: () => new Promise<never>(() => {}),
});

function hangingFlow(timeoutMs: number): FlowDocument {
  return {
    id: 'hanging-call',
    name: 'Hanging call',
    description: '',
    nodes: [
      { id: 'created', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
      { id: 'call', type: 'test.hanging_call', config: { timeoutMs }, position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'created__next', source: 'created', sourceHandle: 'next', target: 'call' }],
  };
}

describe.each(testDatabases)('effect timeouts on $name', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  const clock = createManualClock('2026-05-01T09:00:00+08:00');

  beforeAll(async () => {
    ctx = { db: store.db, registry: createNodeRegistry([...builtinNodes, hangingCall]), clock, logger: pino({ level: 'silent' }) };
    const { id } = await createFlow(ctx, { name: 'Hanging call', document: hangingFlow(150) }, 'test');
    await deployVersion(ctx, id, (await publishVersion(ctx, id, 'test')).version, 'test', 0);
  });

  it("gives up on a node after its config's timeoutMs, within the worker's limit, and retries it later", async () => {
    const { id } = await createTicket(ctx, { channel: 'web', subject: 'x', body: '', customer: { id: 'C1' } }, 'test');
    await createWorker(ctx, { delivery: { timeoutMs: 2_000 } }).runUntilIdle();
    const row = await store.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('ticket_id', '=', id)
      .executeTakeFirstOrThrow();
    // The config's 150 ms wins over the definition's 5 s, within the worker's 2 s limit.
    expect(row).toEqual({ status: 'pending', attempts: 1, last_error: 'node call timed out after 150 ms' });
  });
});
