import { describe, expect, it } from 'vitest';
import { humanDuration } from './index';

describe('humanDuration', () => {
  it('reads durations in both languages', () => {
    expect(humanDuration('15m', 'en')).toBe('15 min');
    expect(humanDuration('90m', 'en')).toBe('1 h 30 min');
    expect(humanDuration('2d', 'zh-CN')).toBe('2 天');
    expect(humanDuration('24h', 'zh-CN')).toBe('1 天');
    expect(humanDuration('26h', { locale: 'en', compact: true })).toBe('1d2h');
  });

  it('keeps what is not a duration as written', () => {
    expect(humanDuration('soon', 'en')).toBe('soon');
  });
});
