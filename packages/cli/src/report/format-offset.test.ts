import { describe, expect, it } from 'vitest';
import { formatOffset } from './format-offset';

describe('formatOffset', () => {
  it('writes virtual time from creation the way the report shows it', () => {
    expect(formatOffset(0)).toBe('+0m');
    expect(formatOffset(10 * 60_000)).toBe('+10m');
    expect(formatOffset(90 * 60_000)).toBe('+1h30m');
    expect(formatOffset(24 * 3_600_000)).toBe('+1d');
    expect(formatOffset(7 * 86_400_000 + 2 * 3_600_000 + 5_000)).toBe('+7d2h5s');
  });

  it('never goes negative (an event scripted before creation runs at creation)', () => {
    expect(formatOffset(-60_000)).toBe('+0m');
  });
});
