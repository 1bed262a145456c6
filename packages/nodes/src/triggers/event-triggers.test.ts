import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { agentReply, customerMessage, statusChanged, surveyResponse, ticketCreated } from './event-triggers';

describe('event triggers', () => {
  it('each starts on its own ticket event and leaves through "next"', () => {
    const triggers = [ticketCreated, customerMessage, agentReply, statusChanged, surveyResponse];
    expect(triggers.map((t) => [t.type, t.event])).toEqual([
      ['ticket_created', 'ticket.created'],
      ['customer_message', 'customer.message'],
      ['agent_reply', 'agent.reply'],
      ['status_changed', 'ticket.status'],
      ['survey_response', 'survey.response'],
    ]);
    for (const trigger of triggers) expect(trigger.ports({})).toEqual(['next']);
  });
});

describe('status_changed', () => {
  // The host applies the event to the ticket before triggers match, so the ticket has the new status.
  const resolvedEvent = { type: 'ticket.status', status: 'resolved' } as const;

  it('matches the status it names', () => {
    const ctx = createTestContext({ ticket: { status: 'resolved' }, event: resolvedEvent });
    expect(statusChanged.matches!(ctx, parseConfig(statusChanged, { status: 'resolved' }))).toBe(true);
  });

  it('ignores a change to another status', () => {
    const ctx = createTestContext({ ticket: { status: 'processing' }, event: { type: 'ticket.status', status: 'processing' } });
    expect(statusChanged.matches!(ctx, parseConfig(statusChanged, { status: 'resolved' }))).toBe(false);
  });

  it('matches any status when none is named', () => {
    const ctx = createTestContext({ ticket: { status: 'closed' }, event: { type: 'ticket.status', status: 'closed' } });
    expect(statusChanged.matches!(ctx, parseConfig(statusChanged, {}))).toBe(true);
  });

  it('matches any status of a list', () => {
    const config = parseConfig(statusChanged, { status: ['resolved', 'closed'] });
    const to = (status: 'processing' | 'resolved' | 'closed') =>
      statusChanged.matches!(createTestContext({ ticket: { status }, event: { type: 'ticket.status', status } }), config);
    expect([to('resolved'), to('closed'), to('processing')]).toEqual([true, true, false]);
  });

  it("matches the event's status, not the ticket's, when flows moved the ticket on before the event arrived", () => {
    // A flow resolved the ticket and another closed it in the same step: the "resolved" event comes second.
    const ctx = createTestContext({ ticket: { status: 'closed' }, event: resolvedEvent });
    expect(statusChanged.matches!(ctx, parseConfig(statusChanged, { status: 'resolved' }))).toBe(true);
    expect(statusChanged.matches!(ctx, parseConfig(statusChanged, { status: 'closed' }))).toBe(false);
  });

  it('refuses a status outside the vocabulary, an empty list and a list with an unknown status', () => {
    expect(statusChanged.config.safeParse({ status: 'done' }).success).toBe(false);
    expect(statusChanged.config.safeParse({ status: [] }).success).toBe(false);
    expect(statusChanged.config.safeParse({ status: ['resolved', 'done'] }).success).toBe(false);
  });

  it('summarises in both languages', () => {
    const config = parseConfig(statusChanged, { status: 'resolved' });
    expect(statusChanged.summary!(config, 'en')).toBe('to resolved');
    expect(statusChanged.summary!(config, 'zh-CN')).toBe('变为 resolved');
    const list = parseConfig(statusChanged, { status: ['resolved', 'closed'] });
    expect(statusChanged.summary!(list, 'en')).toBe('to resolved or closed');
    expect(statusChanged.summary!(list, 'zh-CN')).toBe('变为 resolved 或 closed');
    expect(statusChanged.summary!(parseConfig(statusChanged, {}), 'en')).toBe('any status');
  });
});

describe('survey_response', () => {
  it('matches only scores up to maxScore', () => {
    const config = parseConfig(surveyResponse, { maxScore: 3 });
    const low = createTestContext({ event: { type: 'survey.response', score: 2 } });
    const high = createTestContext({ event: { type: 'survey.response', score: 5 } });
    expect(surveyResponse.matches!(low, config)).toBe(true);
    expect(surveyResponse.matches!(high, config)).toBe(false);
  });

  it('matches every score without maxScore', () => {
    const ctx = createTestContext({ event: { type: 'survey.response', score: 5 } });
    expect(surveyResponse.matches!(ctx, parseConfig(surveyResponse, {}))).toBe(true);
  });
});
