import { describe, expect, it } from 'vitest';
import { meanDifference, medianDifference, proportionDifference } from './statistics';

describe('proportionDifference', () => {
  it('finds a 2-point rise over 1,000 tickets a side significant', () => {
    const d = proportionDifference(30, 1000, 10, 1000)!;
    expect(d.difference).toBeCloseTo(2, 6);
    expect(d.low).toBeGreaterThan(0);
    expect(d.high).toBeGreaterThan(d.difference);
    expect(d.pValue).toBeLessThan(0.01);
  });

  it('does not find 3 against 2 out of 100 significant', () => {
    const d = proportionDifference(3, 100, 2, 100)!;
    expect(d.low).toBeLessThan(0);
    expect(d.high).toBeGreaterThan(0);
    expect(d.pValue).toBeGreaterThan(0.5);
  });

  it('gives the textbook interval: 60/100 vs 50/100', () => {
    // se = sqrt(.6*.4/100 + .5*.5/100) = 0.07; 1.96 * 0.07 = 0.1372
    const d = proportionDifference(60, 100, 50, 100)!;
    expect(d.low).toBeCloseTo(10 - 13.72, 1);
    expect(d.high).toBeCloseTo(10 + 13.72, 1);
    // pooled z = 0.1 / sqrt(.55*.45*.02) = 1.4213 -> p = 0.155
    expect(d.pValue).toBeCloseTo(0.155, 2);
  });

  it('says nothing without tickets on a side', () => {
    expect(proportionDifference(0, 0, 5, 10)).toBeUndefined();
  });
});

describe('meanDifference', () => {
  it('separates clearly different CSAT scores', () => {
    const d = meanDifference(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? 5 : 4)),
      Array.from({ length: 200 }, (_, i) => (i % 2 ? 3 : 4)),
    )!;
    expect(d.difference).toBeCloseTo(1, 6);
    expect(d.low).toBeGreaterThan(0.8);
    expect(d.pValue).toBeLessThan(0.001);
  });

  it('needs two scores a side', () => {
    expect(meanDifference([5], [4, 3])).toBeUndefined();
  });
});

describe('medianDifference', () => {
  it('brackets a shift of the median and is reproducible', () => {
    const stable = Array.from({ length: 300 }, (_, i) => 60_000 + (i % 50) * 1000);
    const candidate = stable.map((v) => v - 20_000);
    const d = medianDifference(candidate, stable)!;
    expect(d.difference).toBe(-20_000);
    expect(d.low).toBeLessThanOrEqual(-20_000);
    expect(d.high).toBeGreaterThanOrEqual(-20_000);
    expect(d.high).toBeLessThan(0);
    expect(medianDifference(candidate, stable)).toEqual(d);
  });

  it('includes 0 when both sides come from the same values', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    const d = medianDifference(values.slice(0, 100), values.slice(100))!;
    expect(d.low).toBeLessThanOrEqual(0);
    expect(d.high).toBeGreaterThanOrEqual(0);
  });
});
