import { TicketsImported } from '@switchyard/api';
import { createWorker, seedExamples } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type TestApp, testApp } from '../__fixtures__/test-app';
import { anyString, matching } from '../__fixtures__/matchers';
import { expectBody } from '../__fixtures__/route-contract';

const NDJSON = { 'content-type': 'application/x-ndjson' };
const lines = (...tickets: unknown[]) => tickets.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join('\n');
const complaint = { channel: 'chat', subject: '我要投诉', body: '客服态度太差了，我要投诉！', customer: { id: 'ZD-1', tier: 'vip' } };
const refund = {
  channel: 'email',
  subject: 'Refund please',
  body: 'I want to return these shoes',
  customer: { id: 'ZD-2' },
  orderId: 'DD1',
};

describe.each(testDatabases)('POST /api/tickets/bulk on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let queued = 0;
  beforeAll(async () => {
    t = testApp(store, { onQueued: () => queued++ });
    await seedExamples(t.ctx, EXAMPLES_DIR);
  }, 60_000);

  it('imports every line, numbered in line order, and the flows run on them as on tickets opened one by one', async () => {
    const answer = await t.call('POST', '/api/tickets/bulk', lines(complaint, '', refund), NDJSON);
    expect(answer.status).toBe(201);
    const body = expectBody(answer, TicketsImported);
    expect(body.imported).toBe(2);
    expect(body.tickets.map((ticket) => ticket.line)).toEqual([1, 3]);
    expect(queued).toBe(1);
    await createWorker(t.ctx).runUntilIdle();
    const [first, second] = body.tickets;
    expect((await t.call('GET', `/api/tickets/${first?.id ?? ''}`)).body).toMatchObject({ category: 'complaint', priority: 'urgent' });
    expect((await t.call('GET', `/api/tickets/${second?.id ?? ''}`)).body).toMatchObject({ category: 'after_sales' });
  });

  it('refuses a file with a bad line naming each line and field, and imports nothing of it', async () => {
    const before = (await store.db.selectFrom('tickets').select('id').execute()).length;
    const answer = await t.call('POST', '/api/tickets/bulk', lines(refund, { ...complaint, channel: 'fax' }, '{oops', refund), NDJSON);
    expect(answer).toMatchObject({
      status: 400,
      body: {
        details: [
          { line: 2, path: 'channel', message: anyString },
          { line: 3, path: '', message: matching(/not JSON/) },
        ],
      },
    });
    expect((await store.db.selectFrom('tickets').select('id').execute()).length).toBe(before);
  });

  it('is for admins only: an agent, who may open tickets one by one, is refused', async () => {
    const agent = await t.as('agent');
    expect(await agent.call('POST', '/api/tickets/bulk', lines(refund), NDJSON)).toMatchObject({
      status: 403,
      body: { details: { permission: 'tickets.import' } },
    });
    expect((await agent.call('POST', '/api/tickets', refund)).status).toBe(201);
  });
});
