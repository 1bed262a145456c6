import { EffectList, TicketCreatedResponse } from '@switchyard/api';
import { createWorker, deployVersion } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

/** A flow whose only action calls a port nobody listens on: its effect fails at once. */
const unreachableCall = {
  id: 'unreachable-call',
  name: 'Unreachable call',
  description: '',
  nodes: [
    { id: 'created', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    { id: 'call', type: 'http', config: { method: 'POST', url: 'http://127.0.0.1:1/nowhere' }, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'created__next', source: 'created', sourceHandle: 'next', target: 'call' }],
};

describe.each(testDatabases)('runtime routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(async () => {
    t = testApp(store);
    await t.call('POST', '/api/flows', { name: 'Unreachable call', document: unreachableCall });
    await t.call('POST', '/api/flows/unreachable-call/versions');
    await deployVersion(t.ctx, 'unreachable-call', 1, 'test', 0);
  }, 60_000);

  it('shows the work waiting, then the dead-letter list once an effect is given up', async () => {
    const ticket = expectBody(
      await t.call('POST', '/api/tickets', { channel: 'web', subject: 'hi', customer: { id: 'C1' } }),
      TicketCreatedResponse,
    );
    t.ctx.clock.advance(2_000);
    expect(await t.call('GET', '/api/runtime/stats')).toMatchObject({
      status: 200,
      body: { ticketsDue: 1, lagMs: 2_000, eventsPending: 1 },
    });

    // Listed, so the guard lets it through and the call itself fails (refusals are tested in durable/http-refusal.test.ts).
    await createWorker({ ...t.ctx, httpAllow: ['127.0.0.1:1'] }, { delivery: { maxAttempts: 1 } }).runUntilIdle();
    const stats = await t.call('GET', '/api/runtime/stats');
    expect(stats).toMatchObject({ status: 200, body: { ticketsDue: 0, lagMs: 0, effects: { pending: 0, running: 0, done: 0, dead: 1 } } });
    const dead = await t.call('GET', `/api/effects?status=dead&ticket=${ticket.id}`);
    expect(dead).toMatchObject({
      status: 200,
      body: [{ ticketId: ticket.id, flowId: 'unreachable-call', nodeId: 'call', status: 'dead', attempts: 1 }],
    });
    expect(expectBody(dead, EffectList)[0]?.lastError).toMatch(/^fetch failed: /);
    expect(await t.call('GET', '/api/effects?status=done')).toMatchObject({ status: 200, body: [] });
  });

  it('names a bad filter', async () => {
    expect(await t.call('GET', '/api/effects?status=lost')).toMatchObject({ status: 400, body: { details: [{ path: 'status' }] } });
  });
});
