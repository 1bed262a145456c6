import { TicketConversation, TicketCreatedResponse, TicketHistory, TicketList, TicketView } from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { type TestApp, testApp, type TestUser } from '../__fixtures__/test-app';

const NAME = '王小明';
const PHONE = '13812345678';
const EMAIL = 'wang.xm@example.com';

describe.each(testDatabases)('customer data per viewer in ticket answers on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = testApp(store);
    const ticket = {
      channel: 'chat',
      subject: `${NAME}的快递`,
      body: `电话 ${PHONE}，订单 DD20260501001`,
      customer: { id: 'C1', name: NAME, contact: PHONE },
    };
    id = expectBody(await t.call('POST', '/api/tickets', ticket), TicketCreatedResponse).id;
    await store.db.updateTable('tickets').set({ group: 'logistics', assignee: 'li' }).where('id', '=', id).execute();
    await t.call('POST', `/api/tickets/${id}/events`, { type: 'customer.message', body: `邮箱 ${EMAIL}` });
    await t.call('POST', `/api/tickets/${id}/events`, { type: 'agent.reply', agentId: 'li', body: `${NAME}您好，稍后打 ${PHONE}` });
  });

  /** Every ticket answer a viewer gets for the ticket, as one text. */
  async function answersOf(call: TestApp['call']): Promise<{ text: string; ticket: TicketView }> {
    const ticket = expectBody(await call('GET', `/api/tickets/${id}`), TicketView);
    const list = expectBody(await call('GET', '/api/tickets'), TicketList);
    const history = expectBody(await call('GET', `/api/tickets/${id}/history`), TicketHistory);
    const messages = expectBody(await call('GET', `/api/tickets/${id}/messages`), TicketConversation);
    expect(list.map((listed) => listed.id)).toEqual([id]);
    return { text: JSON.stringify([ticket, list, history, messages]), ticket };
  }

  const viewers: Record<string, TestUser> = {
    assignee: { roles: ['agent'], groups: ['logistics'], agentId: 'li' },
    supervisorOfGroup: { roles: ['supervisor'], groups: ['logistics'] },
    admin: 'admin',
    colleague: { roles: ['agent'], groups: ['logistics'], agentId: 'zhang' },
    supervisorAssignedElsewhere: { roles: ['supervisor'], groups: ['billing'], agentId: 'li' },
  };

  it('shows the customer in clear to the assignee, supervisors of the ticket group, admins and the admin token', async () => {
    for (const name of ['assignee', 'supervisorOfGroup', 'admin', 'supervisorAssignedElsewhere'] as const) {
      const { ticket, text } = await answersOf((await t.as(viewers[name] ?? 'admin')).call);
      expect(ticket.customer, name).toMatchObject({ name: NAME, contact: PHONE });
      expect(text, name).toContain(EMAIL);
    }
    expect((await answersOf(t.call)).ticket.customer).toMatchObject({ name: NAME, contact: PHONE });
  });

  it('masks it for everyone else in every ticket answer: the ticket, the list, the history and the messages', async () => {
    const { ticket, text } = await answersOf((await t.as(viewers.colleague ?? 'agent')).call);
    expect(ticket.customer).toMatchObject({ name: '王**', contact: '138****5678' });
    expect(ticket.subject).toBe('王**的快递');
    expect(text).toContain('w***@example.com');
    expect(text).toContain('DD20260501001');
    for (const clear of [NAME, PHONE, EMAIL]) expect(text.includes(clear), clear).toBe(false);
  });
});
