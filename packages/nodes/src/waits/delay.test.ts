import { describe, expect, it } from 'vitest';
import { BusinessCalendar, createCalendarBook } from '@switchyard/calendar';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { delay } from './delay';

describe('delay', () => {
  it('waits the configured duration from now and leaves through "next"', () => {
    const config = parseConfig(delay, { duration: '24 hours' });
    expect(delay.delayMs(createTestContext({ now: '2024-05-07T08:00:00Z' }), config)).toBe(24 * 3_600_000);
    expect(delay.ports(config)).toEqual(['next']);
  });

  it('refuses a duration that is not positive or not a duration, including a blank one', () => {
    for (const duration of ['0m', '-5m', 'later', '']) {
      expect(delay.config.safeParse({ duration }).success, duration).toBe(false);
    }
  });
});

describe('delay in business hours', () => {
  it('counts 8 business hours on the default calendar over a weekend (Friday 15:00 -> Monday 14:00, Shanghai)', () => {
    const config = parseConfig(delay, { duration: '8h', clock: 'business' });
    const now = Date.parse('2026-03-06T15:00:00+08:00');
    expect(now + delay.delayMs(createTestContext({ now: new Date(now) }), config)).toBe(Date.parse('2026-03-09T14:00:00+08:00'));
  });

  it("counts on the ticket's group's calendar, or the one named", () => {
    const berlin = {
      calendar: BusinessCalendar.parse({ id: 'berlin', timeZone: 'Europe/Berlin', week: { fri: [{ from: '09:00', to: '17:00' }] } }),
      groups: ['eu_support'],
    };
    const calendars = createCalendarBook([berlin]);
    const now = new Date('2026-03-06T15:00:00Z'); // Friday 16:00 in Berlin: one hour left, then next Friday
    const inGroup = createTestContext({ now, calendars, ticket: { group: 'eu_support' } });
    const config = parseConfig(delay, { duration: '2h', clock: 'business' });
    expect(new Date(now.getTime() + delay.delayMs(inGroup, config)).toISOString()).toBe('2026-03-13T09:00:00.000Z');
    const named = createTestContext({ now, calendars });
    const namedConfig = parseConfig(delay, { duration: '2h', clock: 'business', calendar: 'berlin' });
    expect(new Date(now.getTime() + delay.delayMs(named, namedConfig)).toISOString()).toBe('2026-03-13T09:00:00.000Z');
    // Without a group or a name: the default calendar (Shanghai, 23:00 on Friday: Monday 11:00).
    expect(new Date(now.getTime() + delay.delayMs(named, config)).toISOString()).toBe('2026-03-09T03:00:00.000Z');
  });

  it('keeps clock time as the default, as flows written before business hours expect', () => {
    const config = parseConfig(delay, { duration: '8h' });
    expect(config.clock).toBe('clock');
    expect(delay.delayMs(createTestContext({ now: '2026-03-06T15:00:00+08:00' }), config)).toBe(8 * 3_600_000);
  });
});
