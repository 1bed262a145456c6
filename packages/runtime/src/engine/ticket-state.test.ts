import { Ticket } from '@switchyard/flow';
import { EMPTY_STATS } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { applyPatch, applyTicketEvent, type TicketState } from '../index';

const NOW = new Date('2026-01-05T01:30:00.000Z');
const ticket = Ticket.parse({ id: 't1', channel: 'chat', customer: { id: 'c1' }, createdAt: '2026-01-05T01:00:00Z' });
const fresh: TicketState = { ticket, stats: EMPTY_STATS };

function afterMessages(bodies: readonly string[], state: TicketState = fresh): TicketState {
  return bodies.reduce((s, body) => applyTicketEvent(s, { type: 'customer.message', body }, NOW), state);
}

describe('applyTicketEvent', () => {
  it('counts customer messages and keeps the latest ten, oldest first', () => {
    const bodies = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);
    const { stats } = afterMessages(bodies);
    expect(stats.customerMessages).toBe(12);
    expect(stats.recentMessages).toEqual(bodies.slice(2));
  });

  it('counts agent replies and keeps the time of the first', () => {
    const once = applyTicketEvent(fresh, { type: 'agent.reply', agentId: 'a1', body: '' }, NOW);
    const twice = applyTicketEvent(once, { type: 'agent.reply', agentId: 'a2', body: '' }, new Date('2026-01-05T03:00:00Z'));
    expect(twice.stats).toMatchObject({ agentReplies: 2, firstAgentReplyAt: NOW.toISOString() });
  });

  it.each(['resolved', 'closed'] as const)('sets the status and restarts the message count on %s', (status) => {
    const state = applyTicketEvent(afterMessages(['a', 'b']), { type: 'ticket.status', status }, NOW);
    expect(state.ticket.status).toBe(status);
    expect(state.stats).toMatchObject({ customerMessages: 0, recentMessages: [] });
  });

  it('keeps the message count when the status moves to processing', () => {
    const state = applyTicketEvent(afterMessages(['a', 'b']), { type: 'ticket.status', status: 'processing' }, NOW);
    expect(state.ticket.status).toBe('processing');
    expect(state.stats).toMatchObject({ customerMessages: 2, recentMessages: ['a', 'b'] });
  });

  it('keeps replies counted across a resolve', () => {
    const replied = applyTicketEvent(fresh, { type: 'agent.reply', agentId: 'a1', body: '' }, NOW);
    const resolved = applyTicketEvent(replied, { type: 'ticket.status', status: 'resolved' }, NOW);
    expect(resolved.stats).toMatchObject({ agentReplies: 1, firstAgentReplyAt: NOW.toISOString() });
  });

  it('changes nothing on ticket.created and survey.response', () => {
    expect(applyTicketEvent(fresh, { type: 'ticket.created' }, NOW)).toBe(fresh);
    expect(applyTicketEvent(fresh, { type: 'survey.response', score: 2 }, NOW)).toBe(fresh);
  });

  it('does not mutate the state it is given', () => {
    const before = structuredClone(fresh);
    afterMessages(['a']);
    applyTicketEvent(fresh, { type: 'ticket.status', status: 'closed' }, NOW);
    expect(fresh).toEqual(before);
  });
});

describe('applyPatch', () => {
  it('applies the fields of an action’s patch', () => {
    const state = applyPatch(fresh, { priority: 'urgent', group: 'tech_support', tags: ['x'], escalationLevel: 1 });
    expect(state.ticket).toMatchObject({ priority: 'urgent', group: 'tech_support', tags: ['x'], escalationLevel: 1, status: 'new' });
  });

  it('returns the same state for no patch or an empty one', () => {
    expect(applyPatch(fresh, undefined)).toBe(fresh);
    expect(applyPatch(fresh, {})).toBe(fresh);
  });

  it('restarts the message count when an action resolves the ticket', () => {
    const state = applyPatch(afterMessages(['a', 'b', 'c']), { status: 'resolved' });
    expect(state.ticket.status).toBe('resolved');
    expect(state.stats).toMatchObject({ customerMessages: 0, recentMessages: [] });
  });

  it('keeps the message count for other patches', () => {
    const state = applyPatch(afterMessages(['a']), { status: 'processing', assignee: 'a1' });
    expect(state.stats.customerMessages).toBe(1);
  });

  it('keeps counting after a resolve: the next messages count from one', () => {
    const resolved = applyPatch(afterMessages(['a', 'b']), { status: 'resolved' });
    expect(afterMessages(['c'], resolved).stats).toMatchObject({ customerMessages: 1, recentMessages: ['c'] });
  });
});
