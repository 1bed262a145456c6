import { describe, expect, it } from 'vitest';
import { Duration, formatDuration, parseDuration } from './duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['15m', 15 * MINUTE],
    ['2h', 2 * HOUR],
    ['24 hours', 24 * HOUR],
    ['7d', 7 * DAY],
    ['15 min', 15 * MINUTE],
    ['15min', 15 * MINUTE],
    ['1 minute', MINUTE],
    ['30 minutes', 30 * MINUTE],
    ['90s', 90_000],
    [' 2h ', 2 * HOUR],
  ])('parses %j', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each(['0m', '-5m', 'abc', '2y', '400d', '15 parsecs', '500ms'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([
    ['1h30m', 90 * MINUTE],
    ['1h 30m', 90 * MINUTE],
    ['2d 4h', 2 * DAY + 4 * HOUR],
    ['2 days 4 hours', 2 * DAY + 4 * HOUR],
    ['1H30M', 90 * MINUTE],
    ['1.5h 30m', 2 * HOUR],
    ['1m 30s', 90_000],
    ['365d 24h', 366 * DAY],
  ])('adds up the parts of the compound duration %j', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each([
    ['1h30', 'a trailing number without its unit'],
    ['h30m', 'a unit without its number'],
    ['1h 30parsecs', 'an unknown unit in one part'],
    ['1h, 30m', 'a separator other than space'],
    ['1h -30m', 'a negative part'],
    ['0h 0m', 'parts that add up to nothing'],
    ['365d 2d', 'parts that add up to more than a year'],
  ])('rejects %j (%s)', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects a blank field instead of throwing (bug: ms("") threw "val is not a non-empty string")', () => {
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('   ')).toBeUndefined();
    expect(Duration.safeParse('').success).toBe(false);
  });
});

describe('Duration', () => {
  it('accepts a duration and refuses anything else with a message that shows the format', () => {
    expect(Duration.parse('4h')).toBe('4h');
    expect(Duration.parse('1h 30m')).toBe('1h 30m');
    const result = Duration.safeParse('soon');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"15m"');
  });
});

describe('formatDuration', () => {
  it.each([
    [15 * MINUTE, '15m'],
    [2 * HOUR, '2h'],
    [7 * DAY, '7d'],
    [36 * HOUR, '1.5d'],
    [90_000, '1.5m'],
    [1_500, '1.5s'],
    [250, '250ms'],
  ])('writes %i ms as %j', (value, text) => {
    expect(formatDuration(value)).toBe(text);
  });

  it('never rounds: what it writes parses back to the same value (bug: 90 min was shown as "2h")', () => {
    expect(formatDuration(90 * MINUTE)).toBe('1.5h');
    for (const value of [90 * MINUTE, 100 * MINUTE, 25 * HOUR, 61_000, 7 * DAY + MINUTE]) {
      expect(parseDuration(formatDuration(value))).toBe(value);
    }
  });
});
