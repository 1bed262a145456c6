import { listAgents, testing, type SwitchyardDatabase } from '@switchyard/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';

describe.each(testing.testDatabases)('roster routes on $name', ({ open }) => {
  let store: SwitchyardDatabase;
  let t: TestApp;
  beforeAll(async () => {
    store = await open();
    t = testApp(store);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('saves and lists groups and agents, replacing by id', async () => {
    expect(await t.call('POST', '/api/groups', { id: 'after_sales', name: 'After-sales', nameZh: '售后组' })).toMatchObject({ status: 200, body: { id: 'after_sales' } });
    expect(await t.call('POST', '/api/agents', { id: 'li-na', name: '李娜', groups: ['after_sales'], skills: ['returns'] })).toMatchObject({
      status: 200,
      body: { id: 'li-na', seniority: 'mid', online: true, supervisor: false, openTickets: 0 },
    });
    await t.call('POST', '/api/agents', { id: 'li-na', name: '李娜', groups: ['after_sales'], seniority: 'senior', openTickets: 7 });
    expect(await t.call('GET', '/api/agents')).toMatchObject({ status: 200, body: [{ id: 'li-na', seniority: 'senior', skills: [], openTickets: 0 }] });
    expect(await t.call('GET', '/api/groups')).toMatchObject({ status: 200, body: [{ id: 'after_sales', name: 'After-sales', nameZh: '售后组' }] });
  });

  it('refuses bad agents and groups naming the field, and writes nothing', async () => {
    const before = await listAgents(store.db);
    expect(await t.call('POST', '/api/agents', { id: 'zhao', name: '赵', groups: ['nowhere'] })).toMatchObject({ status: 400, body: { details: [{ path: 'groups.0' }] } });
    expect(await t.call('POST', '/api/agents', { id: 'zhao', name: '赵', seniority: 'boss' })).toMatchObject({ status: 400, body: { details: [{ path: 'seniority' }] } });
    expect(await t.call('POST', '/api/agents', { name: '赵' })).toMatchObject({ status: 400, body: { details: [{ path: 'id' }] } });
    expect(await t.call('POST', '/api/groups', { id: 'x' })).toMatchObject({ status: 400, body: { details: [{ path: 'name' }] } });
    expect(await listAgents(store.db)).toEqual(before);
  });
});
