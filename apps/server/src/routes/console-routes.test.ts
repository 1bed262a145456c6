import {
  ActionDone,
  CustomerView,
  StepIn,
  QueueCounts,
  TicketCreatedResponse,
  TicketList,
  TicketTrace,
  TicketView,
  UserNotificationList,
} from '@switchyard/api';
import { createWorker, seedExamples, type Worker } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, type TestApp, type TestCaller, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

const MINUTE = 60_000;
const ticket = (subject: string, body: string, customer = 'C1001') => ({
  channel: 'chat',
  subject,
  body,
  customer: { id: customer, name: '王女士' },
});

describe.each(testDatabases)('the service console on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let worker: Worker;
  let agent: TestCaller;
  let colleague: TestCaller;
  let supervisor: TestCaller;
  const ids: Record<string, string> = {};
  const open = async (name: string, body: ReturnType<typeof ticket>) => {
    ids[name] = expectBody(await t.call('POST', '/api/tickets', body), TicketCreatedResponse).id;
    t.ctx.clock.advance(MINUTE);
  };
  const list = async (caller: TestCaller, query: string) => expectBody(await caller.call('GET', `/api/tickets?${query}`), TicketList);

  beforeAll(async () => {
    t = testApp(store);
    await seedExamples(t.ctx, EXAMPLES_DIR);
    worker = createWorker(t.ctx);
    agent = await t.as({ roles: ['agent'], groups: ['after_sales'], agentId: 'li-na' });
    colleague = await t.as({ roles: ['agent'], groups: ['after_sales'], agentId: 'wang-qiang' });
    supervisor = await t.as({ roles: ['supervisor'], groups: ['after_sales', 'logistics', 'supervisors'], agentId: 'zhou-jing' });
    await open('refund', ticket('退货退款', '鞋子不合适，我要退货退款'));
    await open('courier', ticket('快递三天没动了', '订单 DD20260501001 的快递一直没更新', 'C2002'));
    await open('invoice', ticket('Invoice please', 'I need an invoice for order DD1', 'C3003'));
    await worker.runUntilIdle();
    // Put all three in after_sales so the agent reaches them.
    for (const id of Object.values(ids)) await t.call('POST', `/api/tickets/${id}/transfer`, { group: 'after_sales', note: '' });
  }, 120_000);

  it('lists queues: mine after take, unassigned, searched in Chinese, paged by cursor', async () => {
    const refund = ids.refund ?? '';
    expect(expectBody(await agent.call('POST', `/api/tickets/${refund}/take`, {}), ActionDone)).toMatchObject({ assignee: 'li-na' });
    expect((await list(agent, 'view=mine')).map((r) => r.id)).toEqual([refund]);
    expect((await list(agent, 'view=unassigned')).map((r) => r.id).sort()).toEqual([ids.courier, ids.invoice].sort());
    expect((await list(agent, 'q=快递')).map((r) => r.id)).toEqual([ids.courier]);
    expect((await list(agent, 'q=c3003')).map((r) => r.id)).toEqual([ids.invoice]);
    expect(await list(colleague, 'q=100%25')).toEqual([]);
    const first = await list(agent, 'view=all&limit=2');
    expect(first).toHaveLength(2);
    const rest = await list(agent, `view=all&limit=2&cursor=${first[1]?.queue?.cursor ?? ''}`);
    expect([...first, ...rest].map((r) => r.id)).toEqual([ids.invoice, ids.courier, ids.refund]);
    expect(await agent.call('GET', '/api/tickets?cursor=nonsense')).toMatchObject({ status: 400 });
  });

  it('marks untouched tickets at risk after 30 minutes, sorts by urgency and counts per queue and agent', async () => {
    await open('fresh', ticket('还没发货', '三天了还没发货'));
    await worker.runUntilIdle();
    const admin = async (query: string) => expectBody(await t.call('GET', `/api/tickets?${query}`), TicketList).map((r) => r.id);
    expect(await admin('view=at_risk')).toEqual([]);
    t.ctx.clock.advance(30 * MINUTE);
    // The three others were touched (transferred, taken); the fresh one waited 30 minutes untouched.
    expect(await admin('view=at_risk')).toEqual([ids.fresh]);
    const urgent = await list(agent, 'view=all&sort=urgency');
    const ranks = urgent.map((r) => ['urgent', 'high', 'normal'].indexOf(r.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const counts = expectBody(await supervisor.call('GET', '/api/queues'), QueueCounts);
    for (const view of ['mine', 'group', 'unassigned', 'at_risk', 'overdue', 'abnormal', 'all'] as const)
      expect(counts.queues[view], view).toBe((await list(supervisor, `view=${view}&limit=1000`)).length);
    expect(counts.queues.mine).toBe(0);
    expect(counts.agents).toContainEqual(expect.objectContaining({ agentId: 'li-na', open: 1 }));
  });

  it("replies, notes with a mention, transfers with a note: each recorded under the agent's name, the others told", async () => {
    const refund = ids.refund ?? '';
    await agent.call('POST', `/api/tickets/${refund}/reply`, { body: '您好，已为您办理退货' });
    await agent.call('POST', `/api/tickets/${refund}/notes`, { body: '@wang-qiang 请核实退款', mentions: ['wang-qiang'] });
    expect(await agent.call('POST', `/api/tickets/${refund}/notes`, { body: 'x', mentions: ['nobody'] })).toMatchObject({ status: 400 });
    await agent.call('POST', `/api/tickets/${refund}/transfer`, { group: 'logistics', note: '请物流组跟进 please follow up' });
    await worker.runUntilIdle();
    const view = expectBody(await supervisor.call('GET', `/api/tickets/${refund}`), TicketView);
    expect(view).toMatchObject({ group: 'logistics', assignee: null, stats: { agentReplies: 1 } });
    const told = expectBody(await colleague.call('GET', '/api/me/notifications'), UserNotificationList);
    expect(told.map((n) => n.kind)).toContain('mention');
    const mine = expectBody(await agent.call('GET', '/api/me/notifications'), UserNotificationList);
    expect(mine.find((n) => n.kind === 'transfer.out')?.message['zh-CN']).toContain('logistics');
    const history = expectBody(await supervisor.call('GET', `/api/tickets/${refund}/history`), TicketListHistory);
    const actions = history.filter((h) => h.kind === 'agent.action');
    expect(actions.filter((h) => h.actor.includes(agent.email)).map((h) => (h.detail as { action: string }).action)).toEqual([
      'take',
      'note',
      'transfer',
    ]);
    // The agent no longer reaches it (another group), like a missing ticket.
    expect(await agent.call('GET', `/api/tickets/${refund}`)).toMatchObject({ status: 404 });
  });

  it("an agent's reply stops the SLA flow's timers; the trace shows the path, answers and the cancelled wait", async () => {
    const courier = ids.courier ?? '';
    const before = expectBody(await agent.call('GET', `/api/tickets/${courier}/trace`), TicketTrace);
    const sla = before.flows.find((f) => f.flowId === 'sla-first-response');
    expect(sla?.node).toMatch(/^sla-wait/);
    expect(sla?.timers.length).toBe(1);
    await agent.call('POST', `/api/tickets/${courier}/reply`, { body: '马上为您查询' });
    await worker.runUntilIdle();
    const after = expectBody(await agent.call('GET', `/api/tickets/${courier}/trace`), TicketTrace);
    const done = after.flows.find((f) => f.flowId === 'sla-first-response');
    expect(done).toMatchObject({ node: null, timers: [] });
    expect(done?.steps.map((s) => s.type)).toContain('timer.cancelled');
    const intake = after.flows.find((f) => f.flowId === 'intake-classify');
    expect(intake?.steps.filter((s) => s.type === 'condition').every((s) => s.answer === 'true' || s.answer === 'false')).toBe(true);
    expect((await list(agent, 'view=at_risk')).map((r) => r.id)).not.toContain(courier);
  });

  it('escalated tickets are abnormal with two hours to step in; a supervisor steps in with cause and resolution', async () => {
    const invoice = ids.invoice ?? '';
    await agent.call('POST', `/api/tickets/${invoice}/escalate`, { note: '客户情绪激动' });
    const abnormal = await list(supervisor, 'view=abnormal');
    const row = abnormal.find((r) => r.id === invoice);
    expect(row?.queue?.abnormal).toMatchObject({ steppedIn: false });
    expect(Date.parse(row?.queue?.abnormal?.stepInBy ?? '') - Date.parse(row?.queue?.abnormal?.since ?? '')).toBe(2 * 3600_000);
    expect(await agent.call('POST', `/api/tickets/${invoice}/step-in`, { cause: 'c', resolution: 'r' })).toMatchObject({ status: 403 });
    const stepped = await supervisor.call('POST', `/api/tickets/${invoice}/step-in`, { cause: '发票系统故障', resolution: '手工开票' });
    expect(stepped).toMatchObject({ status: 200, body: { cause: '发票系统故障', resolution: '手工开票' } });
    expect(expectBody(stepped, StepIn).by).toContain(supervisor.email);
    const again = await list(supervisor, 'view=abnormal');
    expect(again.find((r) => r.id === invoice)?.queue?.abnormal?.steppedIn).toBe(true);
    const courier = ids.courier ?? '';
    expect(await supervisor.call('POST', `/api/tickets/${courier}/step-in`, { cause: 'c', resolution: 'r' })).toMatchObject({
      status: 409,
    });
  });

  it('shows the customer beside the ticket, contact masked for an agent who does not hold the ticket', async () => {
    const customer = expectBody(await supervisor.call('GET', '/api/customers/C1001'), CustomerView);
    expect(customer).toMatchObject({ id: 'C1001', name: '王女士' });
    expect(customer.lastContacts[0]).toMatchObject({ channel: 'chat' });
    const masked = expectBody(await colleague.call('GET', '/api/customers/C2002'), CustomerView);
    expect(masked.name).not.toBe('王女士');
    expect(await colleague.call('GET', '/api/customers/nobody')).toMatchObject({ status: 404 });
  });
});

const TicketListHistory = (await import('@switchyard/api')).TicketHistory;
