import { createWorker, testing, type SwitchyardDatabase } from '@switchyard/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { anyString, matching } from '../__fixtures__/matchers';

const HOUR = 3_600_000;

/** v1 waits an hour for an agent and escalates when none replies (an SLA); v2 only sets the category. */
const slaFlow = (category: string, withWait: boolean) => ({
  id: 'sla',
  name: 'SLA',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'categorize', type: 'set_category', config: { category } },
    ...(withWait ? [{ id: 'wait', type: 'wait_for_event', config: { event: 'agent.reply', timeout: '1h' } }, { id: 'escalate', type: 'escalate', config: { level: 1 } }] : []),
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'categorize' },
    ...(withWait ? [{ id: 'e2', source: 'categorize', target: 'wait' }, { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'escalate' }] : []),
  ],
});

describe.each(testing.testDatabases)('rollout routes on $name', ({ open }) => {
  let store: SwitchyardDatabase;
  let t: TestApp;
  beforeAll(async () => {
    store = await open();
    t = testApp(store);
    await t.call('POST', '/api/flows', { name: 'SLA', document: slaFlow('old', true) });
    await t.call('POST', '/api/flows/sla/versions');
    await t.call('PUT', '/api/flows/sla/draft', { document: slaFlow('new', false) });
    await t.call('POST', '/api/flows/sla/versions');
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('answers 404 for a flow never deployed, deploys it, and refuses bad rollouts naming the field', async () => {
    expect(await t.call('GET', '/api/flows/sla/rollout')).toMatchObject({ status: 404, body: { error: matching(/not deployed/) } });
    expect(await t.call('GET', '/api/flows/nope/rollout')).toMatchObject({ status: 404 });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1 }, { 'x-actor': 'ops' })).toMatchObject({ status: 200, body: { stable: 1, candidate: null, percent: 0 } });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1, candidate: 2, percent: 150 })).toMatchObject({ status: 400, body: { details: [{ path: 'percent', message: anyString }] } });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1, candidate: 3, percent: 10 })).toMatchObject({ status: 400, body: { details: [{ path: 'candidate' }] } });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1, canditate: 2 })).toMatchObject({ status: 400, body: { details: [{ path: 'canditate', message: 'unknown field' }] } });
    expect(await t.call('POST', '/api/flows/sla/rollout/promote')).toMatchObject({ status: 409 });
    expect(await t.call('GET', '/api/flows/sla/rollout')).toMatchObject({ body: { stable: 1, candidate: null, percent: 0 } });
  });

  it('splits new tickets, measures both versions with intervals, and promotes the candidate', async () => {
    const put = await t.call('PUT', '/api/flows/sla/rollout', {
      stable: 1,
      candidate: 2,
      percent: 50,
      guardrails: [{ metric: 'errorRate', above: 2, minTickets: 10 }],
      reason: 'drop the wait',
    });
    expect(put).toMatchObject({ status: 200, body: { candidate: 2, percent: 50, guardrails: [{ metric: 'errorRate', above: 2, minTickets: 10 }] } });
    expect((put.body as { history: unknown[] }).history[0]).toMatchObject({ kind: 'rollout.changed', reason: 'drop the wait', from: { stable: 1, candidate: null, percent: 0 } });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(((await t.call('POST', '/api/tickets', { channel: 'chat', subject: `问题 ${i}`, customer: { id: `c${i}` } })).body as { id: string }).id);
    const worker = createWorker(t.ctx);
    await worker.runUntilIdle();
    t.ctx.clock.advance(2 * HOUR);
    await worker.runUntilIdle();
    const categories = await Promise.all(ids.map(async (id) => ((await t.call('GET', `/api/tickets/${id}`)).body as { category: string }).category));
    // Old-version tickets wait and breach; new ones are resolved sooner and rated higher.
    for (const [i, id] of ids.entries()) {
      const onCandidate = categories[i] === 'new';
      await t.call('POST', `/api/tickets/${id}/events`, { type: 'agent.reply', agentId: 'a1', body: '您好' });
      t.ctx.clock.advance(1000);
      await t.call('POST', `/api/tickets/${id}/events`, { type: 'ticket.status', status: 'resolved' });
      await t.call('POST', `/api/tickets/${id}/events`, { type: 'survey.response', score: onCandidate ? 5 : 3 });
    }
    await worker.runUntilIdle();

    const { status, body } = await t.call('GET', '/api/flows/sla/metrics');
    expect(status).toBe(200);
    const metrics = body as { versions: { version: number; role: string; ticketsBound: number; slaBreaches: number; escalations: number; completed: number; csat: { average: number } }[]; comparison: { differences: { metric: string; significant: boolean; better: boolean | null; low: number; high: number }[] } };
    const [v1, v2] = metrics.versions;
    const onNew = categories.filter((c) => c === 'new').length;
    expect(onNew).toBeGreaterThan(10);
    expect(v1).toMatchObject({ version: 1, role: 'stable', ticketsBound: 60 - onNew, slaBreaches: 60 - onNew, escalations: 60 - onNew, completed: 60 - onNew, csat: { average: 3 } });
    expect(v2).toMatchObject({ version: 2, role: 'candidate', ticketsBound: onNew, slaBreaches: 0, escalations: 0, completed: onNew, csat: { average: 5 } });
    const diff = (metric: string) => metrics.comparison.differences.find((d) => d.metric === metric)!;
    expect(diff('slaBreachRate')).toMatchObject({ significant: true, better: true, low: -100, high: -100 });
    expect(diff('csatAverage')).toMatchObject({ significant: true, better: true });
    expect(diff('completionRate')).toMatchObject({ significant: false, better: null });
    expect(diff('errorRate')).toMatchObject({ significant: false });

    const promoted = await t.call('POST', '/api/flows/sla/rollout/promote', { reason: 'numbers hold' });
    expect(promoted).toMatchObject({ status: 200, body: { stable: 2, candidate: null, percent: 0 } });
    expect((promoted.body as { history: unknown[] }).history[0]).toMatchObject({
      kind: 'rollout.promoted',
      reason: 'numbers hold',
      from: { stable: 1, candidate: 2, percent: 50 },
      to: { stable: 2, candidate: null, percent: 0 },
    });
    expect(await t.call('GET', '/api/notifications')).toMatchObject({ status: 200, body: [] });
  });
});
