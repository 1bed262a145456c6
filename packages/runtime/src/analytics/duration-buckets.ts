/** Each bucket spans durations within 2% of each other: a median read from buckets is off by less than 2%. */
export const BUCKET_RATIO = 1.02;
const LOG_RATIO = Math.log(BUCKET_RATIO);

/**
 * The bucket of a duration in ms: 0 for under a millisecond, else floor(log_1.02(ms)) + 1.
 * Bucket b > 0 holds [1.02^(b-1), 1.02^b) ms.
 * @example durationBucket(60_000) // 557
 */
export function durationBucket(ms: number): number {
  if (!(ms >= 1)) return 0;
  // A hair of tolerance so an exact power (1.02^k) lands in its own bucket whatever the rounding.
  return Math.floor(Math.log(ms) / LOG_RATIO + 1e-9) + 1;
}

/** A bucket's samples: how many, and their sum (ms). */
export interface BucketCount {
  readonly bucket: number;
  readonly n: number;
  readonly total: number;
}

/**
 * The q-quantile (0..1, nearest rank, the mean of the two middle ranks for a median of an even
 * count) of the samples counted in buckets. A rank's value is its bucket's mean: exact when
 * the samples of that bucket are equal (as in every hand-counted scenario), otherwise within
 * 2% of the true sample (every sample of a bucket is within 2% of every other). Null: no samples.
 * @example quantileOfBuckets([{ bucket: 557, n: 3, total: 180_000 }], 0.5) // 60_000
 */
export function quantileOfBuckets(buckets: readonly BucketCount[], q: number): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const count = sorted.reduce((s, b) => s + b.n, 0);
  if (count === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (rank < seen) return b.total / b.n;
    }
    const last = sorted[sorted.length - 1];
    return last ? last.total / last.n : 0;
  };
  if (q === 0.5 && count % 2 === 0) return (at(count / 2 - 1) + at(count / 2)) / 2;
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return at(Math.max(0, Math.ceil(q * count) - 1));
}
