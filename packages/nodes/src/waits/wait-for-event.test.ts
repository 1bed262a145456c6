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

  it('ends on any status of a list, and keeps a single status valid', () => {
    const config = parseConfig(waitForEvent, { event: 'ticket.status', timeout: '15m', status: ['processing', 'resolved', 'closed'] });
    const to = (status: 'new' | 'processing' | 'resolved' | 'closed') =>
      waitForEvent.matches!(createTestContext({ ticket: { status }, event: { type: 'ticket.status', status } }), config);
    expect([to('processing'), to('resolved'), to('closed'), to('new')]).toEqual([true, true, true, false]);
    expect(parseConfig(waitForEvent, { event: 'ticket.status', timeout: '15m', status: 'resolved' }).status).toBe('resolved');
  });

  it('refuses an empty status list and an unknown status in a list', () => {
    expect(waitForEvent.config.safeParse({ event: 'ticket.status', timeout: '15m', status: [] }).success).toBe(false);
    expect(waitForEvent.config.safeParse({ event: 'ticket.status', timeout: '15m', status: ['processing', 'accepted'] }).success).toBe(
      false,
    );
  });

  it('summarises a status list in both languages', () => {
    const config = parseConfig(waitForEvent, { event: 'ticket.status', timeout: '15m', status: ['processing', 'resolved'] });
    expect(waitForEvent.summary!(config, 'en')).toBe('wait for ticket.status (processing or resolved), 15m');
    expect(waitForEvent.summary!(config, 'zh-CN')).toBe('等待 ticket.status（processing 或 resolved），15m');
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

describe('wait_for_event in business hours', () => {
  it('an SLA of 8 working hours from creation crosses the Spring Festival and lands on the moved working day', () => {
    // Created Friday 2026-02-13 at 14:00 Shanghai: 4 h that day, then the worked Saturday 02-14 gives the other 4.
    const config = parseConfig(waitForEvent, { event: 'agent.reply', timeout: '8h', from: 'ticket_created', clock: 'business' });
    const ctx = createTestContext({ ticket: { createdAt: '2026-02-13T06:00:00.000Z' }, now: new Date('2026-02-13T07:00:00.000Z') });
    expect(new Date(ctx.now.getTime() + waitForEvent.delayMs(ctx, config)).toISOString()).toBe('2026-02-14T05:00:00.000Z');
  });
});
