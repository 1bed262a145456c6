import { NodeCatalog } from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

const VALUE = 'sk-route-test-98765';

describe.each(testDatabases)('secret routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store);
  });

  it('saves a secret write-only: the answer, the list and the catalog give its name and status, never the value', async () => {
    const saved = await t.call('PUT', '/api/secrets/BILLING_API_KEY', { value: VALUE });
    expect(saved).toMatchObject({
      status: 200,
      body: { name: 'BILLING_API_KEY', set: true, source: 'table', usedBy: ['billing.suspend'] },
    });
    const list = await t.call('GET', '/api/secrets');
    const nodes = await t.call('GET', '/api/nodes');
    expect(expectBody(nodes, NodeCatalog).find((n) => n.type === 'billing.suspend')?.secrets).toEqual([
      { name: 'BILLING_API_KEY', set: true },
    ]);
    expect(JSON.stringify([saved.body, list.body, nodes.body])).not.toContain(VALUE);
  });

  it('names the field for a bad name, a missing value or an unknown field, and writes nothing', async () => {
    expect(await t.call('PUT', '/api/secrets/billing-key', { value: 'x' })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'name' }] },
    });
    expect(await t.call('PUT', '/api/secrets/OTHER', {})).toMatchObject({ status: 400, body: { details: [{ path: 'value' }] } });
    expect(await t.call('PUT', '/api/secrets/OTHER', { value: 'x', secret: true })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'secret', message: 'unknown field' }] },
    });
    expect(await store.db.selectFrom('secrets').select('name').execute()).toEqual([{ name: 'BILLING_API_KEY' }]);
  });

  it('deletes a secret, then answers 404 for it', async () => {
    expect(await t.call('DELETE', '/api/secrets/BILLING_API_KEY')).toMatchObject({
      status: 200,
      body: { name: 'BILLING_API_KEY', set: false, source: null },
    });
    expect(await t.call('DELETE', '/api/secrets/BILLING_API_KEY')).toMatchObject({
      status: 404,
      body: { error: 'secret BILLING_API_KEY not found' },
    });
    const audit = await store.db.selectFrom('audit_log').select(['kind', 'detail']).execute();
    expect(audit.map((a) => a.kind)).toEqual(['secret.saved', 'secret.deleted']);
    expect(JSON.stringify(audit)).not.toContain(VALUE);
  });
});
