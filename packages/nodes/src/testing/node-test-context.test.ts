import { describe, expect, it } from 'vitest';
import { textContains } from '../conditions/text-contains';
import { createTestContext, parseConfig } from './index';

describe('createTestContext', () => {
  it('fills a valid ticket with schema defaults and the clock at its creation', () => {
    const ctx = createTestContext();
    expect(ctx.ticket).toMatchObject({ id: 'T1', channel: 'chat', priority: 'normal', status: 'new', tags: [], escalationLevel: 0 });
    expect(ctx.ticket.customer).toEqual({ id: 'C1', name: '张三', tier: 'standard' });
    expect(ctx.now.toISOString()).toBe(ctx.ticket.createdAt);
    expect(ctx.stats).toEqual({ customerMessages: 0, agentReplies: 0, recentMessages: [], firstAgentReplyAt: null });
    expect(ctx.roster).toEqual({ groups: [], agents: [] });
    expect(ctx.event).toBeUndefined();
  });

  it('merges the fields a test names, customer included', () => {
    const ctx = createTestContext({ ticket: { priority: 'urgent', customer: { tier: 'vip' } }, stats: { customerMessages: 3 } });
    expect(ctx.ticket.priority).toBe('urgent');
    expect(ctx.ticket.customer).toMatchObject({ id: 'C1', tier: 'vip' });
    expect(ctx.stats.customerMessages).toBe(3);
    expect(ctx.stats.recentMessages).toEqual([]);
  });

  it('refuses a ticket the schema refuses, so tests cannot build impossible tickets', () => {
    expect(() => createTestContext({ ticket: { createdAt: 'yesterday' } })).toThrow();
  });

  it('renders templates against the context it builds', () => {
    const ctx = createTestContext({ ticket: { number: 'GD9' }, vars: { a: { b: 'c' } } });
    expect(ctx.render('{{ticket.number}}/{{vars.a.b}}')).toBe('GD9/c');
  });

  it('fills roster defaults', () => {
    const ctx = createTestContext({ roster: { agents: [{ id: 'x', name: 'X' }] } });
    expect(ctx.roster.agents[0]).toMatchObject({ online: true, openTickets: 0 });
  });
});

describe('parseConfig', () => {
  it('applies the node schema: defaults in, invalid configs out', () => {
    expect(parseConfig(textContains, { keywords: ['物流'] })).toEqual({ source: 'ticket', keywords: ['物流'] });
    expect(() => parseConfig(textContains, { keywords: [] })).toThrow();
  });
});
