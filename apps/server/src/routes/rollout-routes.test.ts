import { FlowMetrics, Rollout, RolloutConflict, TicketCreatedResponse, TicketView } from '@switchyard/api';
import { checkRollouts, createWorker } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';
import { anyString, matching } from '../__fixtures__/matchers';

const HOUR = 3_600_000;

/** v1 waits an hour for an agent and escalates when none replies (an SLA); v2 only sets the category. */
const slaFlow = (category: string, withWait: boolean) => ({
  id: 'sla',
  name: 'SLA',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'categorize', type: 'set_category', config: { category } },
    ...(withWait
      ? [
          { id: 'wait', type: 'wait_for_event', config: { event: 'agent.reply', timeout: '1h' } },
          { id: 'escalate', type: 'escalate', config: { level: 1 } },
        ]
      : []),
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'categorize' },
    ...(withWait
      ? [
          { id: 'e2', source: 'categorize', target: 'wait' },
          { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'escalate' },
        ]
      : []),
  ],
});

describe.each(testDatabases)('rollout routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(async () => {
    t = testApp(store);
    await t.call('POST', '/api/flows', { name: 'SLA', document: slaFlow('old', true) });
    await t.call('POST', '/api/flows/sla/versions');
    await t.call('PUT', '/api/flows/sla/draft', { document: slaFlow('new', false) });
    await t.call('POST', '/api/flows/sla/versions');
  }, 60_000);

  it('answers 404 for a flow never deployed, deploys it, and refuses bad rollouts naming the field', async () => {
    expect(await t.call('GET', '/api/flows/sla/rollout')).toMatchObject({ status: 404, body: { error: matching(/not deployed/) } });
    expect(await t.call('GET', '/api/flows/nope/rollout')).toMatchObject({ status: 404 });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1 }, { 'x-actor': 'ops' })).toMatchObject({
      status: 200,
      body: { stable: 1, candidate: null, percent: 0 },
    });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1, candidate: 2, percent: 150 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'percent', message: anyString }] },
    });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1, candidate: 3, percent: 10 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'candidate' }] },
    });
    expect(await t.call('PUT', '/api/flows/sla/rollout', { stable: 1, canditate: 2 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'canditate', message: 'unknown field' }] },
    });
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
    expect(put).toMatchObject({
      status: 200,
      body: { candidate: 2, percent: 50, guardrails: [{ metric: 'errorRate', above: 2, minTickets: 10 }] },
    });
    expect(expectBody(put, Rollout).history[0]).toMatchObject({
      kind: 'rollout.changed',
      reason: 'drop the wait',
      from: { stable: 1, candidate: null, percent: 0 },
    });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++)
      ids.push(
        expectBody(
          await t.call('POST', '/api/tickets', { channel: 'chat', subject: `问题 ${i}`, customer: { id: `c${i}` } }),
          TicketCreatedResponse,
        ).id,
      );
    const worker = createWorker(t.ctx);
    await worker.runUntilIdle();
    t.ctx.clock.advance(2 * HOUR);
    await worker.runUntilIdle();
    const categories = await Promise.all(ids.map(async (id) => expectBody(await t.call('GET', `/api/tickets/${id}`), TicketView).category));
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
    const metrics = expectBody({ status, body }, FlowMetrics);
    const [v1, v2] = metrics.versions;
    const onNew = categories.filter((c) => c === 'new').length;
    expect(onNew).toBeGreaterThan(10);
    expect(v1).toMatchObject({
      version: 1,
      role: 'stable',
      ticketsBound: 60 - onNew,
      slaBreaches: 60 - onNew,
      escalations: 60 - onNew,
      completed: 60 - onNew,
      csat: { average: 3 },
    });
    expect(v2).toMatchObject({
      version: 2,
      role: 'candidate',
      ticketsBound: onNew,
      slaBreaches: 0,
      escalations: 0,
      completed: onNew,
      csat: { average: 5 },
    });
    const diff = (metric: string) => metrics.comparison!.differences.find((d) => d.metric === metric)!;
    expect(diff('slaBreachRate')).toMatchObject({ significant: true, better: true, low: -100, high: -100 });
    expect(diff('csatAverage')).toMatchObject({ significant: true, better: true });
    expect(diff('completionRate')).toMatchObject({ significant: false, better: null });
    expect(diff('errorRate')).toMatchObject({ significant: false });

    const promoted = await t.call('POST', '/api/flows/sla/rollout/promote', { reason: 'numbers hold' });
    expect(promoted).toMatchObject({ status: 200, body: { stable: 2, candidate: null, percent: 0 } });
    expect(expectBody(promoted, Rollout).history[0]).toMatchObject({
      kind: 'rollout.promoted',
      reason: 'numbers hold',
      from: { stable: 1, candidate: 2, percent: 50 },
      to: { stable: 2, candidate: null, percent: 0 },
    });
    expect(await t.call('GET', '/api/notifications')).toMatchObject({ status: 200, body: [] });
  });

  it('refuses a rollout change, promote, rollback or migrate against a stale revision with 409, and changes nothing', async () => {
    const flow = (category: string) => ({
      id: 'revs',
      name: 'Revisions',
      nodes: [
        { id: 'start', type: 'ticket_created' },
        { id: 'categorize', type: 'set_category', config: { category } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'categorize' }],
    });
    await t.call('POST', '/api/flows', { name: 'Revisions', document: flow('one') });
    await t.call('POST', '/api/flows/revs/versions');
    await t.call('PUT', '/api/flows/revs/draft', { document: flow('two') });
    await t.call('POST', '/api/flows/revs/versions');
    // Revision 0: "not deployed yet". A second first deploy against it is refused.
    expect(await t.call('PUT', '/api/flows/revs/rollout', { stable: 1, revision: 0 })).toMatchObject({
      status: 200,
      body: { stable: 1, revision: 1 },
    });
    expect(await t.call('PUT', '/api/flows/revs/rollout', { stable: 2, revision: 0 })).toMatchObject({
      status: 409,
      body: { revision: 1, rollout: { stable: 1 } },
    });

    // Two people read revision 1; the first one's change wins, the second is told what it is now.
    expect(await t.call('GET', '/api/flows/revs/rollout')).toMatchObject({ body: { revision: 1 } });
    expect(
      await t.call('PUT', '/api/flows/revs/rollout', { stable: 1, candidate: 2, percent: 10, revision: 1 }, { 'x-actor': 'ana' }),
    ).toMatchObject({ status: 200, body: { percent: 10, revision: 2 } });
    const stale = await t.call(
      'PUT',
      '/api/flows/revs/rollout',
      { stable: 1, candidate: 2, percent: 50, revision: 1 },
      { 'x-actor': 'ben' },
    );
    expect(stale.status).toBe(409);
    const conflict = RolloutConflict.parse(stale.body);
    expect(conflict).toMatchObject({
      revision: 2,
      rollout: { percent: 10, revision: 2 },
      details: [{ path: 'revision', message: anyString }],
    });
    expect(conflict.message.en).toMatch(/the rollout changed since revision 1/);
    expect(conflict.message['zh-CN']).toMatch(/灰度发布已被更改/);
    for (const [path, body] of [
      ['/promote', { revision: 1 }],
      ['/rollback', { revision: 1 }],
      ['/migrate', { from: 2, to: 1, revision: 1 }],
    ] as const) {
      expect(await t.call('POST', `/api/flows/revs/rollout${path}`, body), path).toMatchObject({
        status: 409,
        body: { revision: 2, rollout: { revision: 2 } },
      });
    }
    const after = await t.call('GET', '/api/flows/revs/rollout');
    expect(after.body).toMatchObject({ stable: 1, candidate: 2, percent: 10, revision: 2 });
    // Refusals leave no history: deployed, then Ana's change.
    expect(expectBody(after, Rollout).history.map((h) => h.kind)).toEqual(['rollout.changed', 'rollout.changed']);

    // Against the current revision they go through; without one, as before.
    expect(await t.call('POST', '/api/flows/revs/rollout/migrate', { from: 2, to: 1, revision: 2 })).toMatchObject({
      status: 200,
      body: { migrated: 0 },
    });
    expect(await t.call('POST', '/api/flows/revs/rollout/rollback', { revision: 2 })).toMatchObject({
      status: 200,
      body: { percent: 0, revision: 3 },
    });
    expect(await t.call('PUT', '/api/flows/revs/rollout', { stable: 1, candidate: 2, percent: 20 })).toMatchObject({
      status: 200,
      body: { percent: 20, revision: 4 },
    });
    expect(await t.call('POST', '/api/flows/revs/rollout/promote', { revision: 4 })).toMatchObject({
      status: 200,
      body: { stable: 2, candidate: null, revision: 5 },
    });
  });

  it('lets exactly one of two simultaneous rollout changes against one revision through', async () => {
    const { revision } = expectBody(await t.call('GET', '/api/flows/revs/rollout'), Rollout);
    const answers = await Promise.all(
      [10, 30].map((percent) => t.call('PUT', '/api/flows/revs/rollout', { stable: 2, candidate: 1, percent, revision })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const won = expectBody(
      answers.find((a) => a.status === 200)!,
      Rollout,
    ).percent;
    expect(await t.call('GET', '/api/flows/revs/rollout')).toMatchObject({ body: { percent: won, revision: revision + 1 } });
  });

  it("counts the runtime's own ramp step as a change: a form made before it is refused", async () => {
    const { revision } = expectBody(await t.call('GET', '/api/flows/revs/rollout'), Rollout);
    const ramping = await t.call('PUT', '/api/flows/revs/rollout', {
      stable: 2,
      candidate: 1,
      ramp: { steps: [10, 50], every: '1h' },
      revision,
    });
    expect(ramping).toMatchObject({ status: 200, body: { percent: 10, revision: revision + 1 } });
    t.ctx.clock.advance(HOUR);
    expect(await checkRollouts(t.ctx)).toMatchObject({ ramped: ['revs'] });
    expect(await t.call('GET', '/api/flows/revs/rollout')).toMatchObject({ body: { percent: 50, revision: revision + 2 } });
    // Someone who looked before the step and now sets 20% would undo it unseen: refused.
    expect(await t.call('PUT', '/api/flows/revs/rollout', { stable: 2, candidate: 1, percent: 20, revision: revision + 1 })).toMatchObject({
      status: 409,
      body: { rollout: { percent: 50 } },
    });
  });
});
