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

  it('refuses a status outside the vocabulary', () => {
    expect(statusChanged.config.safeParse({ status: 'done' }).success).toBe(false);
  });

  it('summarises in both languages', () => {
    const config = parseConfig(statusChanged, { status: 'resolved' });
    expect(statusChanged.summary!(config, 'en')).toBe('to resolved');
    expect(statusChanged.summary!(config, 'zh-CN')).toBe('变为 resolved');
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
