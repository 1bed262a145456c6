import { ApiError, createApiClient, ROLLOUT_RULES, RolloutRequest, rolloutRuleOf } from '@switchyard/api';
import { createWorker } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './__fixtures__/test-app';

/*
 * The one API client of the editor and the CLI (`createApiClient` in @switchyard/api), against
 * the real app: every answer parsed with its schema, every refusal one `ApiError`, the 409s
 * of drafts and rollouts typed so a caller reads the revision and the state now.
 */
const TOKEN = 'client-test-token';

const flow = (category: string) => ({
  id: 'intake',
  name: 'Intake 受理',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'categorize', type: 'set_category', config: { category } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'categorize' }],
});

/** What `err` rejects with, for assertions on the error's fields. */
async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe.each(testDatabases)('createApiClient against the app on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let locale: 'en' | 'zh-CN' = 'en';
  const client = () =>
    createApiClient({
      baseUrl: 'http://localhost/',
      fetch: async (url, init) => t.app.request(url, init),
      headers: { authorization: `Bearer ${TOKEN}` },
      locale: () => locale,
    });
  beforeAll(() => {
    t = testApp(store, { adminToken: TOKEN });
  });

  it('creates, saves and publishes a flow by revision; a stale save is a 409 carrying the draft now', async () => {
    const api = client();
    expect(await api.findFlow('intake')).toBeNull();
    const created = await api.createFlow('Intake 受理', flow('a'));
    const first = await api.saveDraft('intake', flow('b'), created.revision);
    // A second editor still on the first revision.
    const stale = await refusal(api.saveDraft('intake', flow('c'), created.revision));
    expect(stale.status).toBe(409);
    expect(stale.draftConflict()).toMatchObject({ revision: first.revision, document: { nodes: [{}, { config: { category: 'b' } }] } });
    expect(stale.rolloutConflict()).toBeUndefined();
    expect(await refusal(api.publish('intake', created.revision))).toMatchObject({ status: 409 });
    expect(await api.publish('intake', first.revision)).toEqual({ version: 1, revision: first.revision });
    await api.saveDraft('intake', flow('d'));
    expect(await api.publish('intake')).toMatchObject({ version: 2 });
    const detail = await api.getFlow('intake');
    expect(detail.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await api.getVersion('intake', 2)).document).toMatchObject({ nodes: [{}, { config: { category: 'd' } }] });
    expect((await api.listFlows()).map((f) => f.id)).toEqual(['intake']);
  });

  it('deploys by revision; a change made on an older one is a 409 carrying the rollout now, worded in the asked language', async () => {
    const api = client();
    expect(await api.getRollout('intake')).toBeNull();
    const deployed = await api.putRollout('intake', { stable: 1, revision: 0 });
    const tried = await api.putRollout('intake', { stable: 1, candidate: 2, percent: 10, revision: deployed.revision });
    expect(tried).toMatchObject({ stable: 1, candidate: 2, percent: 10, revision: deployed.revision + 1 });
    locale = 'zh-CN';
    const stale = await refusal(api.promote('intake', { revision: deployed.revision }));
    locale = 'en';
    expect(stale.status).toBe(409);
    expect(stale.rolloutConflict()).toMatchObject({ revision: tried.revision, rollout: { candidate: 2, percent: 10 } });
    expect(stale.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await refusal(api.putRollout('intake', { stable: 1, candidate: 2, percent: 50, revision: deployed.revision }))).toMatchObject({
      status: 409,
    });
    expect(await api.getRollout('intake')).toMatchObject({ percent: 10, revision: tried.revision });
    expect(await api.promote('intake', { revision: tried.revision, reason: 'looks good' })).toMatchObject({ stable: 2, candidate: null });
  });

  it('publishes with a change note the versions carry, reads and reorders the run order, lists flow errors', async () => {
    const api = client();
    await api.saveDraft('intake', flow('e'));
    const { version } = await api.publish('intake', undefined, '  退款分类更清楚  ');
    expect((await api.getFlow('intake')).versions.at(-1)).toMatchObject({ version, note: '退款分类更清楚' });
    expect((await api.getVersion('intake', version)).note).toBe('退款分类更清楚');
    const order = await api.deploymentOrder();
    expect(order.order).toEqual([{ flowId: 'intake', name: 'Intake 受理', position: 1 }]);
    expect(await api.reorderDeployments({ order: ['intake'], current: ['intake'] })).toEqual(order);
    const stale = await refusal(api.reorderDeployments({ order: ['intake'], current: [] }));
    expect(stale.status).toBe(409);
    expect(await api.flowErrors({ flow: 'intake', since: '2026-01-01T00:00:00Z' })).toEqual([]);
  });

  it('opens tickets, reads them back, measures and migrates them', async () => {
    const api = client();
    const opened = await api.createTicket({ channel: 'chat', subject: '快递三天没动了', customer: { id: 'C1' } });
    await createWorker(t.ctx).runUntilIdle();
    expect(await api.getTicket(opened.id)).toMatchObject({ id: opened.id, category: 'd' });
    expect((await api.listTickets({ limit: 5 })).map((ticket) => ticket.id)).toContain(opened.id);
    expect((await api.ticketHistory(opened.id)).length).toBeGreaterThan(0);
    expect(await api.ticketMessages(opened.id)).toMatchObject([{ direction: 'in', body: '快递三天没动了' }]);
    expect(await api.sendEvent(opened.id, { type: 'customer.message', body: '还没发货吗？' })).toMatchObject({
      eventId: expect.any(String) as string,
    });
    expect((await api.metrics('intake')).versions.map((v) => v.version)).toContain(2);
    const rollout = await api.getRollout('intake');
    expect(await api.migrateTickets('intake', { from: 2, to: 1, revision: rollout?.revision })).toMatchObject({
      migrated: expect.any(Number) as number,
    });
    expect(Array.isArray(await api.notifications(5))).toBe(true);
  });

  it('retries a write with its idempotencyKey: one ticket, one event, the same answers; the key with another body is a 422', async () => {
    const api = client();
    const tickets = async () => (await store.db.selectFrom('tickets').select('id').execute()).length;
    const before = await tickets();
    const ticket = { channel: 'email', subject: '发票', customer: { id: 'C2' } } as const;
    const opened = await api.createTicket(ticket, { idempotencyKey: 'client-open-1' });
    expect(await api.createTicket(ticket, { idempotencyKey: 'client-open-1' })).toEqual(opened);
    expect(await tickets()).toBe(before + 1);
    const event = { type: 'customer.message', body: '请开发票' } as const;
    const sent = await api.sendEvent(opened.id, event, { idempotencyKey: 'client-msg-1' });
    expect(await api.sendEvent(opened.id, event, { idempotencyKey: 'client-msg-1' })).toEqual(sent);
    expect(await api.ticketMessages(opened.id)).toHaveLength(2);
    const refused = await refusal(api.sendEvent(opened.id, { ...event, body: '另一条' }, { idempotencyKey: 'client-msg-1' }));
    expect(refused.status).toBe(422);
    expect(refused.message).toContain('Idempotency-Key');
  });

  it('reads the catalog, roster, runtime and secrets, and runs a dry-run', async () => {
    const api = client();
    expect(await api.health()).toMatchObject({ status: 'ok' });
    expect((await api.nodes()).some((n) => n.type === 'ticket_created')).toBe(true);
    expect(Array.isArray(await api.groups()) && Array.isArray(await api.agents()) && Array.isArray(await api.skills())).toBe(true);
    expect(await api.runtimeStats()).toBeTypeOf('object');
    expect(Array.isArray(await api.effects({ limit: 5 }))).toBe(true);
    expect(await api.putSecret('BILLING_API_KEY', 'sk-1')).toMatchObject({ name: 'BILLING_API_KEY', set: true });
    expect((await api.secrets()).map((s) => s.name)).toContain('BILLING_API_KEY');
    expect(await api.deleteSecret('BILLING_API_KEY')).toMatchObject({ set: false });
    const [result] = await api.dryRun('intake', { version: 2 }, [{ id: 't1', channel: 'chat', customer: { id: 'c1' } }], 'none');
    expect(result).toMatchObject({ ticketId: 't1', final: { category: 'd' } });
  });

  it('refuses as one ApiError: the bad fields of a 400, a 404, a refused token, an unreachable server', async () => {
    const api = client();
    const bad = await refusal(api.putRollout('intake', { stable: 1, candidate: 2, percent: 150 }));
    expect(bad.status).toBe(400);
    expect(bad.fieldIssues().map((issue) => issue.path)).toContain('percent');
    // A rule of RolloutRequest (the editor and the CLI check the same schema before sending): the server words it the same.
    const same = await refusal(api.putRollout('intake', { stable: 2, candidate: 2 }));
    expect(same.fieldIssues()).toEqual([{ path: 'candidate', message: ROLLOUT_RULES.sameVersion.message }]);
    expect(RolloutRequest.safeParse({ stable: 2, candidate: 2 }).error?.issues.map(rolloutRuleOf)).toEqual(['sameVersion']);
    expect(await refusal(api.getFlow('nope'))).toMatchObject({ status: 404, request: 'GET /api/flows/nope' });
    const anonymous = createApiClient({ baseUrl: 'http://localhost', fetch: async (url, init) => t.app.request(url, init) });
    expect(await refusal(anonymous.listFlows())).toMatchObject({ status: 401 });
    const down = createApiClient({
      baseUrl: 'http://127.0.0.1:9',
      locale: 'zh-CN',
      fetch: async () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })),
    });
    expect(await refusal(down.listFlows())).toMatchObject({
      status: 0,
      message: '无法连接 Switchyard 服务器 http://127.0.0.1:9：ECONNREFUSED',
    });
  });
});
