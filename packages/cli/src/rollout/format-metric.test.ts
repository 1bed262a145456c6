import { describe, expect, it } from 'vitest';
import { formatDifference, formatInterval, formatMetricValue, formatMs, verdictOf } from './format-metric';

describe('metric formatting', () => {
  it('writes durations at their two largest units', () => {
    expect(formatMs(5_430_000)).toBe('1h30m');
    expect(formatMs(90_061_000)).toBe('1d1h');
    expect(formatMs(800)).toBe('0.8s');
    expect(formatMs(-60_000)).toBe('-1m');
  });

  it('writes values and signed differences in their unit', () => {
    expect(formatMetricValue(4.25, 'points')).toBe('4.3%');
    expect(formatMetricValue(null, 'ms')).toBe('—');
    expect(formatDifference(1.25, 'points')).toBe('+1.3 pts');
    expect(formatDifference(-0.125, 'score')).toBe('-0.13');
    expect(formatDifference(0, 'points')).toBe('0 pts');
    expect(formatInterval(-0.5, 2, 'points')).toBe('[-0.5, +2 pts]');
    expect(formatInterval(-120_000, 60_000, 'ms')).toBe('[-2m, +1m]');
    expect(formatInterval(null, 1, 'score')).toBe('—');
  });

  it('calls a difference better or worse only when it is significant', () => {
    expect(verdictOf({ significant: true, better: true })).toBe('better');
    expect(verdictOf({ significant: true, better: false })).toBe('worse');
    expect(verdictOf({ significant: false, better: true })).toBe('notYet');
    expect(verdictOf({ significant: true, better: null })).toBe('notYet');
  });
});
