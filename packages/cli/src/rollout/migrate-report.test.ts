import { describe, expect, it } from 'vitest';
import { migrateRefusalText, refusedTickets } from './migrate-report';

describe('refusedTickets', () => {
  it('names each ticket of a 409, keeping ids with dots whole', () => {
    const details = [
      { path: 'tickets.T-1', message: 'rests in node "wait" (wait_for_event), which version 3 does not have' },
      { path: 'tickets.mail.42', message: 'rests in node "tag"' },
      { path: 'to', message: 'not a ticket' },
    ];
    expect(refusedTickets(details)).toEqual([
      { ticket: 'T-1', message: 'rests in node "wait" (wait_for_event), which version 3 does not have' },
      { ticket: 'mail.42', message: 'rests in node "tag"' },
    ]);
  });

  it('is empty for details that are not field issues', () => {
    expect(refusedTickets(undefined)).toEqual([]);
    expect(refusedTickets({ tickets: ['T-1'] })).toEqual([]);
  });
});

describe('migrateRefusalText', () => {
  it('says nothing moved, then one line per ticket, in either language', () => {
    const tickets = [{ ticket: 'T-1', message: 'rests in node "wait"' }];
    expect(migrateRefusalText(tickets, 3, 'en')).toBe('nothing was migrated: 1 ticket(s) rest in a node v3 does not have (or has as another type):\n  T-1: rests in node "wait"\n');
    expect(migrateRefusalText(tickets, 3, 'zh-CN')).toContain('未迁移任何工单：1 张工单');
  });
});
