import { SkillList } from '@switchyard/api';
import { listAgents } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

describe.each(testDatabases)('roster routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store);
  });

  it('saves and lists groups and agents, replacing by id', async () => {
    expect(await t.call('POST', '/api/groups', { id: 'after_sales', name: 'After-sales', nameZh: '售后组' })).toMatchObject({
      status: 200,
      body: { id: 'after_sales' },
    });
    expect(await t.call('POST', '/api/agents', { id: 'li-na', name: '李娜', groups: ['after_sales'], skills: ['returns'] })).toMatchObject({
      status: 200,
      body: { id: 'li-na', seniority: 'mid', online: true, supervisor: false, openTickets: 0 },
    });
    await t.call('POST', '/api/agents', { id: 'li-na', name: '李娜', groups: ['after_sales'], seniority: 'senior', openTickets: 7 });
    expect(await t.call('GET', '/api/agents')).toMatchObject({
      status: 200,
      body: [{ id: 'li-na', seniority: 'senior', skills: [], openTickets: 0 }],
    });
    expect(await t.call('GET', '/api/groups')).toMatchObject({
      status: 200,
      body: [{ id: 'after_sales', name: 'After-sales', nameZh: '售后组' }],
    });
  });

  it('lists named skills and the skills agents have, and renames by id', async () => {
    await t.call('POST', '/api/agents', { id: 'wang', name: '王', skills: ['tracking', 'customs'] });
    expect(await t.call('POST', '/api/skills', { id: 'customs', name: 'Customs', nameZh: '清关' })).toMatchObject({
      status: 200,
      body: { id: 'customs' },
    });
    const listed = await t.call('GET', '/api/skills');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        { id: 'customs', name: 'Customs', nameZh: '清关' },
        { id: 'tracking', name: 'tracking' },
      ]),
    );
    await t.call('POST', '/api/skills', { id: 'customs', name: 'Customs clearance' });
    const skills = expectBody(await t.call('GET', '/api/skills'), SkillList);
    expect(skills.filter((s) => s.id === 'customs')).toEqual([{ id: 'customs', name: 'Customs clearance' }]);
    expect(await t.call('POST', '/api/skills', { id: 'x' })).toMatchObject({ status: 400, body: { details: [{ path: 'name' }] } });
  });

  it('refuses bad agents and groups naming the field, and writes nothing', async () => {
    const before = await listAgents(store.db);
    expect(await t.call('POST', '/api/agents', { id: 'zhao', name: '赵', groups: ['nowhere'] })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'groups.0' }] },
    });
    expect(await t.call('POST', '/api/agents', { id: 'zhao', name: '赵', seniority: 'boss' })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'seniority' }] },
    });
    expect(await t.call('POST', '/api/agents', { name: '赵' })).toMatchObject({ status: 400, body: { details: [{ path: 'id' }] } });
    expect(await t.call('POST', '/api/groups', { id: 'x' })).toMatchObject({ status: 400, body: { details: [{ path: 'name' }] } });
    expect(await listAgents(store.db)).toEqual(before);
  });
});

describe.each(testDatabases)('agent presence route on $name (issue 21)', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(async () => {
    t = testApp(store);
    await t.call('POST', '/api/groups', { id: 'g', name: 'G' });
    for (const id of ['li-na', 'wang']) await t.call('POST', '/api/agents', { id, name: id, groups: ['g'], capacity: 4 });
  });

  it('lets an agent set their own presence, not a colleague’s; a supervisor sets anyone’s; the roster shows it', async () => {
    const agent = await t.as({ roles: ['agent'], groups: ['g'], agentId: 'li-na' });
    expect(await agent.call('POST', '/api/agents/li-na/status', { status: 'away' })).toMatchObject({
      status: 200,
      body: { id: 'li-na', status: 'away', online: false, capacity: 4 },
    });
    expect(await agent.call('POST', '/api/agents/wang/status', { status: 'offline' })).toMatchObject({
      status: 403,
      body: { details: { permission: 'roster.manage' } },
    });
    const supervisor = await t.as({ roles: ['supervisor'], groups: ['g'] });
    expect((await supervisor.call('POST', '/api/agents/wang/status', { status: 'offline' })).status).toBe(200);
    expect((await t.call('POST', '/api/agents/wang/status', { status: 'asleep' })).status).toBe(400);
    expect((await t.call('POST', '/api/agents/nobody/status', { status: 'away' })).status).toBe(404);
    const listed = await agent.call('GET', '/api/agents');
    expect(listed.body).toMatchObject([
      { id: 'li-na', status: 'away' },
      { id: 'wang', status: 'offline' },
    ]);
  });
});
