import { DeploymentOrder, DeploymentOrderConflict, FlowDetail, FlowVersion } from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

/** A one-node-chain flow that publishes: trigger → set_category. */
const flow = (id: string) => ({
  name: id,
  document: {
    id,
    name: id,
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'cat', type: 'set_category', config: { category: 'billing' } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'cat' }],
  },
});

describe.each(testDatabases)('deliberate changes on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  beforeEach(async () => {
    t = testApp(store);
    for (const id of ['alpha', 'beta', 'gamma']) {
      expect((await t.call('POST', '/api/flows', flow(id))).status).toBe(201);
      expect((await t.call('POST', `/api/flows/${id}/versions`, { note: `first ${id}` })).status).toBe(201);
      expect((await t.call('PUT', `/api/flows/${id}/rollout`, { stable: 1 })).status).toBe(200);
    }
  });

  it('keeps the change note with the version: in the flow, the version and the audit', async () => {
    await t.call('PUT', '/api/flows/alpha/draft', flow('alpha'));
    const published = await t.call('POST', '/api/flows/alpha/versions', { note: '  Billing words in Chinese too  ' });
    expect(published.status).toBe(201);
    await t.call('POST', '/api/flows/alpha/versions', {});
    const detail = expectBody(await t.call('GET', '/api/flows/alpha'), FlowDetail);
    expect(detail.versions.map((v) => v.note)).toEqual(['first alpha', 'Billing words in Chinese too', null]);
    const v2 = expectBody(await t.call('GET', '/api/flows/alpha/versions/2'), FlowVersion);
    expect(v2.note).toBe('Billing words in Chinese too');
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('kind', '=', 'flow.published')
      .where('flow_id', '=', 'alpha')
      .execute();
    expect(JSON.stringify(audit)).toContain('Billing words in Chinese too');
    const tooLong = await t.call('POST', '/api/flows/alpha/versions', { note: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
  });

  it('runs a newly deployed flow last, and reorders the deployed flows by drag order', async () => {
    const before = expectBody(await t.call('GET', '/api/deployments/order'), DeploymentOrder);
    expect(before.order.map((f) => f.flowId)).toEqual(['alpha', 'beta', 'gamma']);
    const current = before.order.map((f) => f.flowId);
    const moved = await t.call('PUT', '/api/deployments/order', { order: ['gamma', 'alpha', 'beta'], current, reason: 'gamma first' });
    expect(expectBody(moved, DeploymentOrder).order).toEqual([
      { flowId: 'gamma', name: 'gamma', position: 1 },
      { flowId: 'alpha', name: 'alpha', position: 2 },
      { flowId: 'beta', name: 'beta', position: 3 },
    ]);
    // The flow list and the runs follow the new order.
    const list = await t.call('GET', '/api/flows');
    expect((list.body as { id: string }[]).slice(0, 3).map((f) => f.id)).toEqual(['gamma', 'alpha', 'beta']);
    const audit = await store.db.selectFrom('audit_log').select(['actor', 'detail']).where('kind', '=', 'deployments.reordered').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.detail)).toContain('gamma first');
  });

  it('refuses a reorder made against an order that changed since, answering the order now; nothing moves', async () => {
    const seen = ['alpha', 'beta', 'gamma'];
    // Someone else moves beta first...
    expect((await t.call('PUT', '/api/deployments/order', { order: ['beta', 'alpha', 'gamma'], current: seen })).status).toBe(200);
    // ...and this client, still on what it saw, is refused.
    const refused = await t.call('PUT', '/api/deployments/order', { order: ['gamma', 'beta', 'alpha'], current: seen });
    expect(refused.status).toBe(409);
    const conflict = expectBody(refused, DeploymentOrderConflict);
    expect(conflict.order).toEqual(['beta', 'alpha', 'gamma']);
    expect(conflict.message['zh-CN']).toContain('顺序');
    const now = expectBody(await t.call('GET', '/api/deployments/order'), DeploymentOrder);
    expect(now.order.map((f) => f.flowId)).toEqual(['beta', 'alpha', 'gamma']);
    // A flow deployed meanwhile also changes the order: it runs last.
    await t.call('POST', '/api/flows', flow('delta'));
    await t.call('POST', '/api/flows/delta/versions', {});
    await t.call('PUT', '/api/flows/delta/rollout', { stable: 1 });
    const stale = await t.call('PUT', '/api/deployments/order', { order: ['alpha', 'beta', 'gamma'], current: ['beta', 'alpha', 'gamma'] });
    expect(stale.status).toBe(409);
    expect(expectBody(stale, DeploymentOrderConflict).order).toEqual(['beta', 'alpha', 'gamma', 'delta']);
  });

  it('refuses an order that does not list exactly the deployed flows, or lists one twice', async () => {
    const current = ['alpha', 'beta', 'gamma'];
    const missing = await t.call('PUT', '/api/deployments/order', { order: ['alpha', 'beta'], current });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('missing gamma');
    const twice = await t.call('PUT', '/api/deployments/order', { order: ['alpha', 'alpha', 'beta', 'gamma'], current });
    expect(twice.status).toBe(400);
  });
});
