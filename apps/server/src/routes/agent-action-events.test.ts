import { TicketCreatedResponse, TicketView, UserNotificationList } from '@switchyard/api';
import { AgentAction } from '@switchyard/flow';
import { createWorker, seedExamples, type Worker } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXAMPLES_DIR, type TestApp, type TestCaller, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

/** A flow that waits an hour for any agent action on a new ticket: tagged `acted` when one comes, `idle` when none does. */
const watcher = {
  name: 'Agent action watcher',
  document: {
    id: 'action-watcher',
    name: 'Agent action watcher',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'wait', type: 'wait_for_event', config: { event: 'agent.action', timeout: '1h' } },
      { id: 'acted', type: 'add_tag', config: { tag: 'acted' } },
      { id: 'idle', type: 'add_tag', config: { tag: 'idle' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'event', target: 'acted' },
      { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'idle' },
    ],
  },
};

/** A stored event carries its shape's version (`$v`) beside the event. */
const StoredAction = AgentAction.extend({ $v: z.number().optional() });

const newTicket = (subject: string) => ({ channel: 'chat', subject, body: subject, customer: { id: 'C7001', name: '赵先生' } });

describe.each(testDatabases)('agent actions are ticket events the flows see, on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let worker: Worker;
  let agent: TestCaller;
  let logistics: TestCaller;
  let supervisor: TestCaller;
  let viewer: TestCaller;

  beforeAll(async () => {
    t = testApp(store);
    await seedExamples(t.ctx, EXAMPLES_DIR);
    expect((await t.call('POST', '/api/flows', watcher)).status).toBe(201);
    expect((await t.call('POST', '/api/flows/action-watcher/versions', { note: 'watch agent actions' })).status).toBe(201);
    expect((await t.call('PUT', '/api/flows/action-watcher/rollout', { stable: 1 })).status).toBe(200);
    worker = createWorker(t.ctx);
    agent = await t.as({ roles: ['agent'], groups: ['after_sales'], agentId: 'li-na' });
    logistics = await t.as({ roles: ['agent'], groups: ['logistics'], agentId: 'sun-hao' });
    supervisor = await t.as({ roles: ['supervisor'], groups: ['after_sales', 'logistics', 'supervisors'], agentId: 'zhou-jing' });
    viewer = await t.as({ roles: ['ops'], groups: ['after_sales'] });
  }, 120_000);

  /** A new ticket in after_sales, its flows resting where they wait. */
  const opened = async (subject: string) => {
    const { id } = expectBody(await t.call('POST', '/api/tickets', newTicket(subject)), TicketCreatedResponse);
    await worker.runUntilIdle();
    expect((await t.call('POST', `/api/tickets/${id}/transfer`, { group: 'after_sales', note: '' })).status).toBe(200);
    await worker.runUntilIdle();
    return id;
  };
  const eventsOf = async (ticketId: string) =>
    (
      await store.db
        .selectFrom('ticket_events')
        .select(['payload', 'applied_at'])
        .where('ticket_id', '=', ticketId)
        .where('type', '=', 'agent.action')
        .orderBy('id')
        .execute()
    ).map((row) => ({ event: StoredAction.parse(row.payload), applied: row.applied_at !== null }));
  const tagsOf = async (ticketId: string) => expectBody(await t.call('GET', `/api/tickets/${ticketId}`), TicketView).tags;

  it('queues take, note, release, escalate, transfer and step-in as agent.action under the acting person, and the worker applies them', async () => {
    const id = await opened('退款还没到账');
    expect((await agent.call('POST', `/api/tickets/${id}/take`, {})).status).toBe(200);
    expect((await agent.call('POST', `/api/tickets/${id}/notes`, { body: '@wang-qiang 看一下', mentions: ['wang-qiang'] })).status).toBe(
      200,
    );
    expect((await agent.call('POST', `/api/tickets/${id}/release`, {})).status).toBe(200);
    expect((await agent.call('POST', `/api/tickets/${id}/escalate`, { note: '客户很着急' })).status).toBe(200);
    expect((await supervisor.call('POST', `/api/tickets/${id}/step-in`, { cause: '退款接口超时', resolution: '手工退款' })).status).toBe(
      200,
    );
    expect((await supervisor.call('POST', `/api/tickets/${id}/transfer`, { group: 'logistics', note: '请核对物流' })).status).toBe(200);
    await worker.runUntilIdle();
    const events = await eventsOf(id);
    const byAgent = events.filter((e) => e.event.by.includes(agent.email)).map((e) => e.event);
    expect(byAgent.map((e) => e.action)).toEqual(['take', 'note', 'release', 'escalate']);
    expect(byAgent[0]).toMatchObject({ agentId: 'li-na', assignee: 'li-na', group: 'after_sales' });
    expect(byAgent[1]).toMatchObject({ note: '@wang-qiang 看一下', mentions: ['wang-qiang'] });
    expect(byAgent[3]).toMatchObject({ escalationLevel: 1, note: '客户很着急' });
    const bySupervisor = events.filter((e) => e.event.by.includes(supervisor.email)).map((e) => e.event);
    expect(bySupervisor.map((e) => e.action)).toEqual(['step-in', 'transfer']);
    expect(bySupervisor[0]).toMatchObject({ note: '退款接口超时', assignee: 'zhou-jing' });
    expect(bySupervisor[1]).toMatchObject({ group: 'logistics', assignee: null, note: '请核对物流' });
    expect(events.every((e) => e.applied)).toBe(true);
  });

  it('a flow waiting for an agent action moves on when an agent acts; without one it times out', async () => {
    const worked = await opened('发票开错了');
    const ignored = await opened('请问营业时间');
    // The transfer into after_sales was an action already: the watcher of both has moved on.
    expect(await tagsOf(worked)).toContain('acted');
    const quiet = expectBody(await t.call('POST', '/api/tickets', newTicket('没人理我')), TicketCreatedResponse).id;
    await worker.runUntilIdle();
    await agent.call('POST', `/api/tickets/${ignored}/take`, {});
    t.ctx.clock.advance(61 * 60_000);
    await worker.runUntilIdle();
    expect(await tagsOf(quiet)).toContain('idle');
    expect(await tagsOf(quiet)).not.toContain('acted');
    expect(await tagsOf(ignored)).toContain('acted');
  });

  it('a transfer notifies both sides: the new group gets the note, the previous assignee is told', async () => {
    const id = await opened('换货地址');
    await agent.call('POST', `/api/tickets/${id}/take`, {});
    expect((await agent.call('POST', `/api/tickets/${id}/transfer`, { group: 'logistics', note: '地址已改，请重新发货' })).status).toBe(
      200,
    );
    const incoming = expectBody(await logistics.call('GET', '/api/me/notifications'), UserNotificationList).filter(
      (n) => n.ticketId === id && n.kind === 'transfer.in',
    );
    expect(incoming).toHaveLength(1);
    expect(incoming[0]?.message['zh-CN']).toContain('地址已改，请重新发货');
    expect(incoming[0]?.message.en).toContain('地址已改，请重新发货');
    expect(incoming[0]?.by).toContain(agent.email);
    const told = expectBody(await agent.call('GET', '/api/me/notifications'), UserNotificationList).filter(
      (n) => n.ticketId === id && n.kind === 'transfer.out',
    );
    expect(told.map((n) => n.message.en)).toContain('Transfer to logistics succeeded');
    // The logistics agent now reaches it; the note is in its conversation.
    expect(expectBody(await logistics.call('GET', `/api/tickets/${id}`), TicketView).group).toBe('logistics');
  });

  it('checks roles: ops (no tickets.work) may not act, an agent may not step in, nobody acts on a ticket out of reach', async () => {
    const id = await opened('角色检查');
    for (const [verb, body] of [
      ['take', {}],
      ['release', {}],
      ['reply', { body: 'x' }],
      ['notes', { body: 'x' }],
      ['transfer', { group: 'logistics', note: '' }],
      ['escalate', { note: '' }],
      ['status', { status: 'resolved' }],
    ] as const)
      expect((await viewer.call('POST', `/api/tickets/${id}/${verb}`, body)).status, verb).toBe(403);
    expect((await agent.call('POST', `/api/tickets/${id}/step-in`, { cause: 'c', resolution: 'r' })).status).toBe(403);
    expect((await logistics.call('POST', `/api/tickets/${id}/take`, {})).status).toBe(404);
    expect(await eventsOf(id)).toHaveLength(1);
    expect(
      (
        await t.call('POST', `/api/tickets/${id}/events`, {
          type: 'agent.action',
          action: 'take',
          by: 'me',
          group: null,
          assignee: null,
          escalationLevel: 0,
        })
      ).status,
    ).toBe(400);
  });
});
