import { TicketCreatedResponse, TicketList } from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { type TestApp, testApp } from '../__fixtures__/test-app';

describe.each(testDatabases)('ticket scoping on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  const ids: Record<'billing' | 'mine' | 'logistics', string> = { billing: '', mine: '', logistics: '' };
  beforeAll(async () => {
    t = testApp(store);
    for (const [key, group, assignee] of [
      ['billing', 'billing', null],
      ['mine', 'logistics', 'li'],
      ['logistics', 'logistics', 'wang'],
    ] as const) {
      const created = expectBody(
        await t.call('POST', '/api/tickets', { channel: 'chat', subject: key, customer: { id: `c-${key}` } }),
        TicketCreatedResponse,
      );
      await store.db.updateTable('tickets').set({ group, assignee }).where('id', '=', created.id).execute();
      ids[key] = created.id;
    }
  });

  const listed = async (call: TestApp['call']) =>
    expectBody(await call('GET', '/api/tickets'), TicketList)
      .map((ticket) => ticket.subject)
      .sort();

  it("lists an agent's group's tickets and those assigned to them; any other ticket is a 404 on every ticket route", async () => {
    const agent = await t.as({ roles: ['agent'], groups: ['billing'], agentId: 'li' });
    expect(await listed(agent.call)).toEqual(['billing', 'mine']);
    expect((await agent.call('GET', `/api/tickets/${ids.mine}`)).status).toBe(200);
    const other = ids.logistics;
    const missing = await agent.call('GET', '/api/tickets/no-such-ticket');
    for (const path of [`/api/tickets/${other}`, `/api/tickets/${other}/history`, `/api/tickets/${other}/messages`]) {
      const answer = await agent.call('GET', path);
      expect(answer.status, path).toBe(404);
      expect(JSON.stringify(answer.body)).toBe(JSON.stringify(missing.body).replaceAll('no-such-ticket', other));
    }
    const events = async () => store.db.selectFrom('ticket_events').select('id').where('ticket_id', '=', other).execute();
    const before = await events();
    expect((await agent.call('POST', `/api/tickets/${other}/events`, { type: 'customer.message', body: 'hi' })).status).toBe(404);
    expect(await events()).toEqual(before);
    // A filter cannot widen the scope.
    const filtered = await agent.call('GET', '/api/tickets?group=logistics');
    expect(expectBody(filtered, TicketList).map((ticket) => ticket.subject)).toEqual(['mine']);
  });

  it("shows a supervisor their groups' tickets, an admin and the admin token all, an agent without groups only theirs", async () => {
    const supervisor = await t.as({ roles: ['supervisor'], groups: ['logistics'] });
    expect(await listed(supervisor.call)).toEqual(['logistics', 'mine']);
    const admin = await t.as('admin');
    expect(await listed(admin.call)).toEqual(['billing', 'logistics', 'mine']);
    expect(await listed(t.call)).toEqual(['billing', 'logistics', 'mine']);
    const loner = await t.as({ roles: ['agent'] });
    expect(await listed(loner.call)).toEqual([]);
  });
});
