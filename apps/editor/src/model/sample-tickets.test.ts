import { describe, expect, it } from 'vitest';
import { parseTicketLines, quickTicket } from './sample-tickets';

describe('sample tickets', () => {
  it('reads JSON lines and names the bad ones by line', () => {
    const { tickets, errors } = parseTicketLines('{"id":"a","channel":"chat"}\n\nnot json\n{"subject":"no id"}\n');
    expect(tickets.map((t) => t.id)).toEqual(['a']);
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[1]!.message).toContain('id');
  });

  it('reads a JSON array', () => {
    expect(parseTicketLines('[{"id":"a"},{"id":"b"}]').tickets).toHaveLength(2);
    expect(parseTicketLines('[{"id":"a"},').errors).toHaveLength(1);
  });

  it('makes a ticket from the quick form with a fresh id', () => {
    const ticket = quickTicket({ subject: '快递到哪了', body: '', channel: 'chat', tier: 'vip' }, new Set(['quick-1']));
    expect(ticket).toEqual({
      id: 'quick-2',
      number: 'QUICK-2',
      channel: 'chat',
      subject: '快递到哪了',
      body: '',
      customer: { id: 'customer-quick-2', tier: 'vip' },
    });
  });
});
