import { describe, expect, it } from 'vitest';
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
