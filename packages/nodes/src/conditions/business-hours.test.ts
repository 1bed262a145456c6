import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { businessHours, localTime } from './business-hours';

const at = (iso: string) => createTestContext({ now: iso });

describe('business_hours', () => {
  const config = parseConfig(businessHours, {});

  it('defaults to 09:00-18:00 Monday to Friday in Asia/Shanghai', () => {
    expect(config).toEqual({ timezone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' });
  });

  it('is true on a weekday at 10:00 Shanghai time (02:00 UTC)', () => {
    expect(businessHours.evaluate(at('2024-05-08T02:00:00Z'), config)).toBe(true);
  });

  it('is false on a weekday at 20:00', () => {
    expect(businessHours.evaluate(at('2024-05-08T12:00:00Z'), config)).toBe(false);
  });

  it('is false on Saturday at 10:00', () => {
    expect(businessHours.evaluate(at('2024-05-11T02:00:00Z'), config)).toBe(false);
  });

  it('uses local time, not UTC: Friday 23:30 UTC is Saturday in Shanghai', () => {
    expect(localTime(new Date('2024-05-10T23:30:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 6, minutes: 7 * 60 + 30 });
  });

  it('includes the start and excludes the end', () => {
    expect(businessHours.evaluate(at('2024-05-08T01:00:00Z'), config)).toBe(true);
    expect(businessHours.evaluate(at('2024-05-08T10:00:00Z'), config)).toBe(false);
  });

  it('reads midnight as 00:00', () => {
    expect(localTime(new Date('2024-05-07T16:00:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 3, minutes: 0 });
  });

  it('follows the configured zone and days', () => {
    const berlinWeekend = parseConfig(businessHours, { timezone: 'Europe/Berlin', days: [6, 7], start: '10:00', end: '16:00' });
    expect(businessHours.evaluate(at('2024-05-11T10:00:00Z'), berlinWeekend)).toBe(true);
    expect(businessHours.evaluate(at('2024-05-08T10:00:00Z'), berlinWeekend)).toBe(false);
  });

  it('refuses an unknown time zone and a malformed clock', () => {
    const zone = businessHours.config.safeParse({ timezone: 'Mars/Olympus' });
    expect(zone.error?.issues).toMatchObject([{ path: ['timezone'], message: 'unknown IANA time zone' }]);
    expect(businessHours.config.safeParse({ start: '9:00' }).success).toBe(false);
    expect(businessHours.config.safeParse({ end: '24:00' }).success).toBe(false);
  });
});
