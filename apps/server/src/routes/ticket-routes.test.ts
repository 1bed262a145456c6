import { TicketConversation, TicketCreatedResponse, TicketHistory, TicketList, TicketView } from '@switchyard/api';
import { createWorker, seedExamples, type Worker } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type TestApp, testApp } from '../__fixtures__/test-app';
import { anyString, matching } from '../__fixtures__/matchers';
import { expectBody } from '../__fixtures__/route-contract';

const complaint = {
  channel: 'chat',
  subject: '我要投诉',
  body: '客服态度太差了，我要投诉！',
  customer: { id: 'C1001', name: '王女士', tier: 'vip' },
};
const refund = {
  channel: 'email',
  subject: 'Refund please',
  body: 'I want to return these shoes',
  customer: { id: 'C1002' },
  orderId: 'DD20260101',
};

describe.each(testDatabases)('ticket routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let worker: Worker;
  let queued = 0;
  beforeAll(async () => {
    t = testApp(store, { onQueued: () => queued++ });
    await seedExamples(t.ctx, EXAMPLES_DIR);
    worker = createWorker(t.ctx);
  }, 60_000);

  it('opens a ticket bound to the deployed flows, which classify and route it once the worker ran', async () => {
    const created = await t.call('POST', '/api/tickets', complaint);
    expect(created).toMatchObject({ status: 201, body: { id: anyString, number: matching(/^GD\d{6}\d+$/) } });
    expect(queued).toBe(1);
    const { id } = expectBody(created, TicketCreatedResponse);
    await worker.runUntilIdle();
    const ticket = await t.call('GET', `/api/tickets/${id}`);
    expect(ticket).toMatchObject({
      status: 200,
      body: {
        id,
        channel: 'chat',
        customer: { id: 'C1001', name: '王女士', tier: 'vip' },
        category: 'complaint',
        priority: 'urgent',
        group: 'supervisors',
        status: 'new',
      },
    });
    const { flows } = expectBody(ticket, TicketView);
    expect(flows).toHaveLength(10);
    expect(flows[0]).toEqual({ flowId: 'intake-classify', version: 1 });
  });

  it('queues events, and the history lists every step with its time', async () => {
    const ticket = expectBody(await t.call('GET', '/api/tickets'), TicketList)[0]!;
    const event = await t.call('POST', `/api/tickets/${ticket.id}/events`, {
      type: 'agent.reply',
      agentId: 'li-na',
      body: '您好，正在处理',
    });
    expect(event).toMatchObject({ status: 202, body: { eventId: anyString } });
    await worker.runUntilIdle();
    expect(await t.call('GET', `/api/tickets/${ticket.id}`)).toMatchObject({ body: { stats: { agentReplies: 1 } } });
    const history = expectBody(await t.call('GET', `/api/tickets/${ticket.id}/history`), TicketHistory);
    expect(history[0]).toMatchObject({ kind: 'ticket.created', at: t.ctx.clock.now().toISOString() });
    expect(history.map((h) => h.kind)).toEqual(expect.arrayContaining(['ticket.created', 'flow.transition', 'action']));
    expect(history.some((h) => h.flowId === 'intake-classify')).toBe(true);
    const conversation = expectBody(await t.call('GET', `/api/tickets/${ticket.id}/messages`), TicketConversation);
    expect(conversation[0]).toMatchObject({ direction: 'in' });
    expect(conversation.at(-1)).toMatchObject({ direction: 'out', author: 'li-na', body: '您好，正在处理' });
    expect(await t.call('GET', '/api/tickets/no-such-ticket/messages')).toMatchObject({
      status: 404,
      body: { error: 'ticket no-such-ticket not found' },
    });
  });

  it('lists tickets by status, group and assignee', async () => {
    await t.call('POST', '/api/tickets', refund);
    await worker.runUntilIdle();
    const all = expectBody(await t.call('GET', '/api/tickets'), TicketList);
    expect(all).toHaveLength(2);
    expect(await t.call('GET', '/api/tickets?group=supervisors')).toMatchObject({ body: [{ category: 'complaint' }] });
    const afterSales = expectBody(await t.call('GET', '/api/tickets?group=after_sales&status=new'), TicketList);
    expect(afterSales).toHaveLength(1);
    const assignee = afterSales[0]!.assignee;
    expect(assignee).toEqual(anyString);
    expect(await t.call('GET', `/api/tickets?assignee=${assignee}`)).toMatchObject({ body: [{ orderId: 'DD20260101' }] });
    expect(await t.call('GET', '/api/tickets?status=closed')).toMatchObject({ status: 200, body: [] });
    expect(await t.call('GET', '/api/tickets?limit=1')).toMatchObject({ body: [{}] });
  });

  it('refuses bad tickets, events and filters naming the field, 404s unknown tickets, and writes nothing', async () => {
    const count = async () => (await store.db.selectFrom('tickets').select('id').execute()).length;
    const before = await count();
    expect(await t.call('POST', '/api/tickets', { ...complaint, customer: {} })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'customer.id' }] },
    });
    expect(await t.call('POST', '/api/tickets', { ...complaint, channel: 'fax' })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'channel' }] },
    });
    expect(await count()).toBe(before);

    const ticket = expectBody(await t.call('GET', '/api/tickets'), TicketList)[0]!;
    expect(await t.call('POST', `/api/tickets/${ticket.id}/events`, { type: 'survey.response', score: 9 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'score' }] },
    });
    expect(await t.call('POST', `/api/tickets/${ticket.id}/events`, { type: 'ticket.created' })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'type' }] },
    });
    expect(await t.call('POST', `/api/tickets/${ticket.id}/events`, { type: 'teleport' })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'type' }] },
    });
    expect(await t.call('POST', '/api/tickets/nope/events', { type: 'customer.message', body: '在吗' })).toMatchObject({ status: 404 });
    expect(await t.call('GET', '/api/tickets/nope')).toMatchObject({ status: 404, body: { error: 'ticket nope not found' } });
    expect(await t.call('GET', '/api/tickets/nope/history')).toMatchObject({ status: 404 });
    expect(await t.call('GET', '/api/tickets?status=lost')).toMatchObject({ status: 400, body: { details: [{ path: 'status' }] } });
    expect(await t.call('GET', '/api/tickets?limit=0')).toMatchObject({ status: 400, body: { details: [{ path: 'limit' }] } });
  });
});
