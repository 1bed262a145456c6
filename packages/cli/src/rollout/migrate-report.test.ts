import { describe, expect, it } from 'vitest';
import { migrateRefusalText } from './migrate-report';

describe('migrateRefusalText', () => {
  it('says nothing moved, then one line per ticket, in either language', () => {
    const tickets = [{ ticket: 'T-1', message: 'rests in node "wait"' }];
    expect(migrateRefusalText(tickets, 3, 'en')).toBe(
      'nothing was migrated: 1 ticket(s) rest in a node v3 does not have (or has as another type):\n  T-1: rests in node "wait"\n',
    );
    expect(migrateRefusalText(tickets, 3, 'zh-CN')).toContain('未迁移任何工单：1 张工单');
  });
});
