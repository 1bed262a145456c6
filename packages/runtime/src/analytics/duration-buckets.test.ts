import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/index';
import { BUCKET_RATIO, durationBucket, quantileOfBuckets, type BucketCount } from './duration-buckets';

function bucketsOf(samples: readonly number[]): BucketCount[] {
  const map = new Map<number, { n: number; total: number }>();
  for (const s of samples) {
    const b = durationBucket(s);
    const c = map.get(b) ?? { n: 0, total: 0 };
    map.set(b, { n: c.n + 1, total: c.total + s });
  }
  return [...map].map(([bucket, c]) => ({ bucket, ...c }));
}

function exactQuantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (q === 0.5 && s.length % 2 === 0) return ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
  return s[Math.max(0, Math.ceil(q * s.length) - 1)] ?? 0;
}

describe('duration buckets', () => {
  it('gives the exact median and p95 of distinct hand-counted durations', () => {
    const minutes = [7, 14, 21, 70, 70].map((m) => m * 60_000);
    expect(quantileOfBuckets(bucketsOf(minutes), 0.5)).toBe(21 * 60_000);
    expect(quantileOfBuckets(bucketsOf(minutes), 0.95)).toBe(70 * 60_000);
    expect(quantileOfBuckets(bucketsOf([60_000, 120_000]), 0.5)).toBe(90_000);
    expect(quantileOfBuckets([], 0.5)).toBeNull();
  });

  it('keeps every bucket within 2% and any quantile within 2% of the true one (seeded)', () => {
    const random = seededRandom(19);
    for (let round = 0; round < 50; round++) {
      const samples = Array.from({ length: 1 + Math.floor(random() * 300) }, () => Math.floor(random() ** 3 * 86_400_000));
      for (const q of [0.5, 0.9, 0.95]) {
        const exact = exactQuantile(samples, q);
        const read = quantileOfBuckets(bucketsOf(samples), q) ?? Number.NaN;
        expect(Math.abs(read - exact)).toBeLessThanOrEqual(Math.max(1, exact * (BUCKET_RATIO - 1)));
      }
    }
  });

  it('puts an exact power of the ratio in its own bucket', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(1)).toBe(1);
    expect(durationBucket(BUCKET_RATIO ** 10)).toBe(11);
  });
});
