import { describe, expect, it } from 'vitest';
import type { TicketView } from '../tickets';
import {
  customerDetailMasker,
  maskCustomerInDetail,
  maskerFor,
  maskHistory,
  maskMessages,
  maskTicketView,
  seesCustomerContact,
  type TicketViewer,
} from './index';

const ticket: TicketView = {
  id: 't1',
  number: 'GD2026050001',
  channel: 'chat',
  subject: '王小明的快递',
  body: '我是王小明，电话 13812345678，订单 DD20260501001',
  customer: { id: 'C1', name: '王小明', tier: 'vip', contact: 'wang@example.com' },
  category: null,
  subcategory: null,
  priority: 'normal',
  status: 'new',
  group: 'after-sales',
  assignee: 'li-na',
  tags: [],
  flags: [],
  escalationLevel: 0,
  createdAt: '2026-05-01T01:00:00.000Z',
  stats: { customerMessages: 1, agentReplies: 0, recentMessages: ['打 13812345678'], firstAgentReplyAt: null },
  updatedAt: '2026-05-01T01:00:00.000Z',
  flows: [],
  deadlines: [],
  slas: [],
};

const viewers: Record<string, TicketViewer> = {
  assignee: { roles: ['agent'], groups: ['after-sales'], agentId: 'li-na' },
  colleague: { roles: ['agent'], groups: ['after-sales'], agentId: 'zhang-wei' },
  supervisor: { roles: ['supervisor'], groups: ['after-sales'], agentId: null },
  otherSupervisor: { roles: ['supervisor'], groups: ['presales'], agentId: null },
  admin: { roles: ['admin'], groups: [] },
  engineer: { roles: ['engineer'], groups: ['after-sales'] },
  ops: { roles: ['ops'], groups: [] },
};

describe('who sees a customer in clear', () => {
  it('is the assignee, a supervisor of the group, an admin; nobody else', () => {
    const clear = Object.entries(viewers)
      .filter(([, viewer]) => seesCustomerContact(viewer, ticket))
      .map(([name]) => name);
    expect(clear).toEqual(['assignee', 'supervisor', 'admin']);
  });
});

describe('a masked ticket', () => {
  it('masks the name, the contact and the personal data in its texts, keeping order numbers', () => {
    const masked = maskTicketView(ticket);
    expect(masked.customer).toEqual({ id: 'C1', name: '王**', tier: 'vip', contact: 'w***@example.com' });
    expect(masked.subject).toBe('王**的快递');
    expect(masked.body).toBe('我是王**，电话 138****5678，订单 DD20260501001');
    expect(masked.stats.recentMessages).toEqual(['打 138****5678']);
  });

  it('masks a Latin name as a whole word only, and never an audit kind', () => {
    expect(maskerFor({ name: 'Anna' })('Hi Anna, Annabel is here')).toBe('Hi A***, Annabel is here');
    expect(maskCustomerInDetail({ kind: 'flow.transition', detail: { to: 'flow wait' } }, { name: 'flow' })).toEqual({
      kind: 'flow.transition',
      detail: { to: 'f*** wait' },
    });
  });

  it('masks history details and messages by the same rules', () => {
    const history = maskHistory(
      [{ id: '1', at: ticket.createdAt, actor: 'flow', kind: 'action', flowId: 'f', detail: { params: { body: '王小明您好' } } }],
      ticket.customer,
    );
    expect(history[0]?.detail).toEqual({ params: { body: '王**您好' } });
    const messages = maskMessages(
      [
        {
          id: '1',
          at: ticket.createdAt,
          direction: 'out',
          author: 'li-na',
          via: 'email',
          recipient: 'wang@example.com',
          body: 'Hi 王小明',
          language: null,
        },
      ],
      ticket.customer,
    );
    expect(messages[0]).toMatchObject({ recipient: 'w***@example.com', body: 'Hi 王**' });
  });

  it("masks one ticket's many audit facts as maskCustomerInDetail does, a repeated text alike each time", () => {
    const customer = { name: '王小明', contact: '13812345678' };
    const mask = customerDetailMasker(customer);
    const reply = { kind: 'action', detail: { node: 'reply', params: { body: '王小明您好，电话13812345678' } } };
    const facts = [reply, { kind: 'flow.transition', detail: { from: 'reply', to: 'wait', visits: ['reply', 'wait'] } }, reply];
    for (const fact of facts) expect(mask(fact)).toEqual(maskCustomerInDetail(fact, customer));
    expect(mask(reply)).toEqual({ kind: 'action', detail: { node: 'reply', params: { body: '王**您好，电话138****5678' } } });
  });
});
