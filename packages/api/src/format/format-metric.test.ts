import { describe, expect, it } from 'vitest';
import { formatCsat, formatDifference, formatInterval, formatMetricValue, formatMs, formatPValue, verdictOf } from './index';

describe('metric formatting', () => {
  it('writes durations at their two largest units, in both languages', () => {
    expect(formatMs(5_400_000, 'en')).toBe('1 h 30 min');
    expect(formatMs(90_061_000, 'en')).toBe('1 d 1 h');
    expect(formatMs(-90_000, 'zh-CN')).toBe('-1 分钟 30 秒');
    expect(formatMs(400, 'en')).toBe('0.4 s');
  });

  it('writes values in their unit', () => {
    expect(formatMetricValue(4.25, 'points', 'en')).toBe('4.3%');
    expect(formatMetricValue(4.256, 'score', 'en')).toBe('4.26');
    expect(formatMetricValue(null, 'ms', 'en')).toBe('—');
  });

  it('signs differences and intervals, with the unit once', () => {
    expect(formatDifference(1.25, 'points', 'en')).toBe('+1.3 pts');
    expect(formatDifference(-2, 'points', 'zh-CN')).toBe('-2 个百分点');
    expect(formatDifference(-60_000, 'ms', 'en')).toBe('-1 min');
    expect(formatDifference(0.1, 'score', 'en')).toBe('+0.1');
    expect(formatDifference(null, 'score', 'en')).toBe('—');
    expect(formatInterval(-0.5, 2, 'points', 'en')).toBe('-0.5 … +2 pts');
    expect(formatInterval(-120_000, 60_000, 'ms', 'en')).toBe('-2 min … +1 min');
    expect(formatInterval(null, 1, 'score', 'en')).toBe('—');
  });

  it('writes durations compact for tables (the CLI), the rest as in words', () => {
    const compact = { locale: 'en', compact: true } as const;
    expect(formatMs(5_430_000, compact)).toBe('1h30m');
    expect(formatMs(90_061_000, compact)).toBe('1d1h');
    expect(formatMs(800, compact)).toBe('0.8s');
    expect(formatMs(-60_000, compact)).toBe('-1m');
    expect(formatDifference(-0.125, 'score', compact)).toBe('-0.13');
    expect(formatDifference(0, 'points', compact)).toBe('0 pts');
    expect(formatInterval(-120_000, 60_000, 'ms', compact)).toBe('-2m … +1m');
    expect(formatInterval(-0.5, 2, 'points', { locale: 'zh-CN', compact: true })).toBe('-0.5 … +2 个百分点');
  });

  it('calls a difference better or worse only once it is significant', () => {
    expect(verdictOf({ significant: true, better: true })).toBe('better');
    expect(verdictOf({ significant: true, better: false })).toBe('worse');
    expect(verdictOf({ significant: false, better: false })).toBe('notYet');
    expect(verdictOf({ significant: true, better: null })).toBe('notYet');
  });
});

describe('formatPValue and formatCsat', () => {
  it('print a p-value with three decimals, "<0.001" below, and a CSAT with its answers', () => {
    expect([0.04567, 0.0004, null].map(formatPValue)).toEqual(['0.046', '<0.001', '—']);
    expect(formatCsat({ average: 4.25, responses: 12, satisfiedPercent: 75 }, 'en')).toBe('4.25 (n=12)');
    expect(formatCsat({ average: null, responses: 0, satisfiedPercent: null }, 'zh-CN')).toBe('—');
  });
});
