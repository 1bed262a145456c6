import { describe, expect, it } from 'vitest';
import { parseRamp } from './parse-ramp';

describe('parseRamp', () => {
  it('reads rising steps and a wait', () => {
    expect(parseRamp('10,25,50,100', '1h')).toEqual({ plan: { steps: [10, 25, 50, 100], every: '1h' } });
    expect(parseRamp(' 5, 50 ', '30m')).toEqual({ plan: { steps: [5, 50], every: '30m' } });
  });

  it('stops a ramp with "none"', () => {
    expect(parseRamp('none', undefined)).toEqual({ plan: null });
    expect(parseRamp('none', '1h')).toEqual({ problem: { option: '--every', code: 'everyWithNone' } });
  });

  it('names the option at fault', () => {
    expect(parseRamp('10,x', '1h')).toEqual({ problem: { option: '--ramp', code: 'steps' } });
    expect(parseRamp('0,50', '1h')).toEqual({ problem: { option: '--ramp', code: 'stepRange' } });
    expect(parseRamp('10,101', '1h')).toEqual({ problem: { option: '--ramp', code: 'stepRange' } });
    expect(parseRamp('50,25', '1h')).toEqual({ problem: { option: '--ramp', code: 'rise' } });
    expect(parseRamp('10,10', '1h')).toEqual({ problem: { option: '--ramp', code: 'rise' } });
    expect(parseRamp('10,50', undefined)).toEqual({ problem: { option: '--every', code: 'needEvery' } });
    expect(parseRamp('10,50', 'soon')).toEqual({ problem: { option: '--every', code: 'duration' } });
  });
});
