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
    expect(flows).toHaveLength(14);
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

describe.each(testDatabases)('ticket routes with an Idempotency-Key on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store);
  });
  const key = (value: string) => ({ 'Idempotency-Key': value });
  const count = async (table: 'tickets' | 'ticket_events') => (await store.db.selectFrom(table).select('id').execute()).length;
  const open = async () => expectBody(await t.call('POST', '/api/tickets', refund), TicketCreatedResponse).id;

  it('opens one ticket and queues one message for retries with the same key, answering the first answer again; without a key, as before', async () => {
    const first = await t.call('POST', '/api/tickets', complaint, key('open-1'));
    const retry = await t.call('POST', '/api/tickets', complaint, key('open-1'));
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(retry).toMatchObject({ status: first.status, body: first.body });
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await count('tickets')).toBe(1);

    const { id } = expectBody(first, TicketCreatedResponse);
    const events = await count('ticket_events');
    const message = { type: 'customer.message', body: '还没发货吗？' };
    const sent = await t.call('POST', `/api/tickets/${id}/events`, message, key('msg-1'));
    const resent = await t.call('POST', `/api/tickets/${id}/events`, message, key('msg-1'));
    expect(sent).toMatchObject({ status: 202, body: { eventId: anyString } });
    expect(resent).toMatchObject({ status: 202, body: sent.body });
    expect(resent.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await count('ticket_events')).toBe(events + 1);

    // Without a key, two posts are two events, as before.
    const answers = [
      await t.call('POST', `/api/tickets/${id}/events`, message),
      await t.call('POST', `/api/tickets/${id}/events`, message),
    ];
    expect(answers.map((a) => a.headers.get('Idempotent-Replayed'))).toEqual([null, null]);
    expect(await count('ticket_events')).toBe(events + 3);
  });

  it('refuses the key with another body (422) and a malformed key (400), naming the header, and writes nothing', async () => {
    const id = await open();
    await t.call('POST', `/api/tickets/${id}/events`, { type: 'customer.message', body: 'A' }, key('k'));
    const tickets = await count('tickets');
    const events = await count('ticket_events');
    expect(await t.call('POST', `/api/tickets/${id}/events`, { type: 'customer.message', body: 'B' }, key('k'))).toMatchObject({
      status: 422,
      body: { error: matching(/Idempotency-Key/), details: [{ path: 'Idempotency-Key' }] },
    });
    expect(await t.call('POST', '/api/tickets', complaint, key('k'))).toMatchObject({ status: 201 }); // another scope
    for (const bad of ['', 'x'.repeat(256), 'é', 'tab\there'])
      expect(await t.call('POST', '/api/tickets', complaint, key(bad))).toMatchObject({
        status: 400,
        body: { details: [{ path: 'idempotency-key', message: matching(/Idempotency-Key/) }] },
      });
    expect(await count('tickets')).toBe(tickets + 1);
    expect(await count('ticket_events')).toBe(events + 1);
  });

  it('queues one event for concurrent posts with one key, every answer the same', async () => {
    const id = await open();
    const events = await count('ticket_events');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.call('POST', `/api/tickets/${id}/events`, { type: 'customer.message', body: '急' }, key('race'))),
    );
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body])))).toEqual(new Set([JSON.stringify([202, answers[0]!.body])]));
    expect(answers.filter((a) => a.headers.get('Idempotent-Replayed') === 'true')).toHaveLength(4);
    expect(await count('ticket_events')).toBe(events + 1);
  });

  it('takes an expired key (24 h) as a new request', async () => {
    const first = expectBody(await t.call('POST', '/api/tickets', complaint, key('daily')), TicketCreatedResponse);
    t.ctx.clock.advance(24 * 3600_000 - 1);
    expect((await t.call('POST', '/api/tickets', complaint, key('daily'))).headers.get('Idempotent-Replayed')).toBe('true');
    t.ctx.clock.advance(1);
    const again = await t.call('POST', '/api/tickets', complaint, key('daily'));
    expect(again.headers.get('Idempotent-Replayed')).toBeNull();
    expect(expectBody(again, TicketCreatedResponse).id).not.toBe(first.id);
    expect(await count('tickets')).toBe(2);
  });
});
