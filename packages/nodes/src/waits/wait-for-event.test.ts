import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { waitForEvent } from './wait-for-event';

const MINUTE = 60_000;
const createdAt = '2024-05-06T02:00:00.000Z';
const minutesAfterCreation = (minutes: number) => new Date(Date.parse(createdAt) + minutes * MINUTE);

describe('wait_for_event', () => {
  it('has an "event" and a "timeout" port and listens for its event', () => {
    const config = parseConfig(waitForEvent, { event: 'agent.reply', timeout: '30m' });
    expect(waitForEvent.ports(config)).toEqual(['event', 'timeout']);
    expect(waitForEvent.event!(config)).toBe('agent.reply');
  });

  it('times out after the duration from entering the step by default', () => {
    const config = parseConfig(waitForEvent, { event: 'customer.message', timeout: '15m' });
    const ctx = createTestContext({ ticket: { createdAt }, now: minutesAfterCreation(60) });
    expect(waitForEvent.delayMs(ctx, config)).toBe(15 * MINUTE);
  });

  it('counts from the ticket creation for SLA deadlines', () => {
    const config = parseConfig(waitForEvent, { event: 'agent.reply', timeout: '30m', from: 'ticket_created' });
    const ctx = createTestContext({ ticket: { createdAt }, now: minutesAfterCreation(10) });
    expect(waitForEvent.delayMs(ctx, config)).toBe(20 * MINUTE);
  });

  it('never waits a negative time when the deadline has already passed', () => {
    const config = parseConfig(waitForEvent, { event: 'agent.reply', timeout: '30m', from: 'ticket_created' });
    const ctx = createTestContext({ ticket: { createdAt }, now: minutesAfterCreation(120) });
    expect(waitForEvent.delayMs(ctx, config)).toBe(0);
  });

  it('ends only on the named status when it has one', () => {
    const config = parseConfig(waitForEvent, { event: 'ticket.status', timeout: '15m', status: 'processing' });
    const processing = createTestContext({ ticket: { status: 'processing' }, event: { type: 'ticket.status', status: 'processing' } });
    const resolved = createTestContext({ ticket: { status: 'resolved' }, event: { type: 'ticket.status', status: 'resolved' } });
    expect(waitForEvent.matches!(processing, config)).toBe(true);
    expect(waitForEvent.matches!(resolved, config)).toBe(false);
  });

  it('refuses an unknown event and a bad timeout', () => {
    expect(waitForEvent.config.safeParse({ event: 'agent.typing', timeout: '15m' }).success).toBe(false);
    expect(waitForEvent.config.safeParse({ event: 'agent.reply', timeout: '0m' }).success).toBe(false);
  });

  it('summarises the deadline in both languages', () => {
    const config = parseConfig(waitForEvent, { event: 'agent.reply', timeout: '4h', from: 'ticket_created' });
    expect(waitForEvent.summary!(config, 'en')).toBe('wait for agent.reply, 4h after creation');
    expect(waitForEvent.summary!(config, 'zh-CN')).toBe('等待 agent.reply，创建后 4h');
  });
});
