import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { anyString, matching } from '../__fixtures__/matchers';
import { type TestApp, testApp } from '../__fixtures__/test-app';

const document = (category: string) => ({
  id: 'pair',
  name: 'Pair',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'categorize', type: 'set_category', config: { category } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'categorize' }],
});

describe.each(testDatabases)('the two-person rule on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  beforeEach(async () => {
    t = testApp(store, { twoPersonRule: true });
    expect((await t.call('POST', '/api/flows', { name: 'Pair', document: document('a') })).status).toBe(201);
  });

  it('refuses to let the author deploy or promote their own version (403 naming the rule, in both languages); someone else may', async () => {
    const author = await t.as({ roles: ['supervisor', 'ops'] });
    const other = await t.as('ops');
    expect((await author.call('POST', '/api/flows/pair/versions')).status).toBe(201);
    const refused = await author.call('PUT', '/api/flows/pair/rollout', { stable: 1 });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        details: { rule: 'two-person', version: 1, message: { en: matching(/someone else/), 'zh-CN': anyString } },
      },
    });
    expect(await store.db.selectFrom('deployments').select('flow_id').execute()).toEqual([]);
    expect((await other.call('PUT', '/api/flows/pair/rollout', { stable: 1 })).status).toBe(200);

    await author.call('PUT', '/api/flows/pair/draft', { document: document('b') });
    expect((await author.call('POST', '/api/flows/pair/versions')).status).toBe(201);
    expect(await author.call('PUT', '/api/flows/pair/rollout', { stable: 1, candidate: 2, percent: 10 })).toMatchObject({
      status: 403,
      body: { details: { rule: 'two-person', version: 2 } },
    });
    expect((await other.call('PUT', '/api/flows/pair/rollout', { stable: 1, candidate: 2, percent: 10 })).status).toBe(200);
    expect(await author.call('POST', '/api/flows/pair/rollout/promote')).toMatchObject({ status: 403, body: { details: { version: 2 } } });
    expect((await other.call('POST', '/api/flows/pair/rollout/promote')).status).toBe(200);
    // Restating the stable version deploys nothing new: the author may change the split around it.
    expect((await author.call('PUT', '/api/flows/pair/rollout', { stable: 2, reason: 'same split' })).status).toBe(200);
    expect((await other.call('PUT', '/api/flows/pair/rollout', { stable: 1 })).status).toBe(200);
  });

  it('lets the author deploy their own version when the rule is off', async () => {
    const relaxed = testApp(store);
    const author = await relaxed.as({ roles: ['supervisor', 'ops'] });
    expect((await author.call('POST', '/api/flows/pair/versions')).status).toBe(201);
    expect((await author.call('PUT', '/api/flows/pair/rollout', { stable: 1 })).status).toBe(200);
  });
});
