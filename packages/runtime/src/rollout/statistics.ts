import { errorFunction, mean, medianSorted, sampleVariance } from 'simple-statistics';
import { seededRandom } from '../seeded-random';

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;

/** A difference (candidate minus stable) with its 95% interval and, where the method gives one, a p-value. */
export interface Difference {
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly pValue: number | null;
}

/** Two-sided p of a standard normal statistic: 1 - erf(|z|/√2) (the library's CDF table stops at 0.002). */
function twoSidedP(z: number): number {
  return Math.max(0, Math.min(1, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/**
 * Candidate rate minus stable rate in percentage points: the unpooled (Wald) 95% interval
 * and the two-sided p of the pooled two-proportion z-test. Undefined when a side has no
 * tickets.
 * @example proportionDifference(30, 1000, 10, 1000) // { difference: 2, low: ~0.8, high: ~3.2, pValue: ~0.0006 }
 */
export function proportionDifference(
  candidateHits: number,
  candidateN: number,
  stableHits: number,
  stableN: number,
): Difference | undefined {
  if (candidateN === 0 || stableN === 0) return undefined;
  const p1 = candidateHits / candidateN;
  const p2 = stableHits / stableN;
  const se = Math.sqrt((p1 * (1 - p1)) / candidateN + (p2 * (1 - p2)) / stableN);
  const pooled = (candidateHits + stableHits) / (candidateN + stableN);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / candidateN + 1 / stableN));
  const diff = p1 - p2;
  const pValue = se0 === 0 ? (diff === 0 ? 1 : 0) : twoSidedP(diff / se0);
  return { difference: 100 * diff, low: 100 * (diff - Z95 * se), high: 100 * (diff + Z95 * se), pValue };
}

/**
 * Candidate mean minus stable mean with Welch's standard error and a normal 95% interval
 * (for CSAT scores: bounded, and the samples are large once a decision matters).
 * Undefined with fewer than two values on a side.
 */
export function meanDifference(candidate: readonly number[], stable: readonly number[]): Difference | undefined {
  if (candidate.length < 2 || stable.length < 2) return undefined;
  const diff = mean([...candidate]) - mean([...stable]);
  const se = Math.sqrt(sampleVariance([...candidate]) / candidate.length + sampleVariance([...stable]) / stable.length);
  const pValue = se === 0 ? (diff === 0 ? 1 : 0) : twoSidedP(diff / se);
  return { difference: diff, low: diff - Z95 * se, high: diff + Z95 * se, pValue };
}

/** Resamples of the bootstrap: enough for a stable 95% interval, cheap at a few thousand values. */
const RESAMPLES = 1000;
/** Larger samples are thinned (evenly, deterministically) before resampling: the interval barely narrows past this. */
const MAX_SAMPLE = 2000;

/**
 * Candidate median minus stable median with a 95% percentile-bootstrap interval. Seeded,
 * so the same data gives the same interval on every refresh. Undefined when a side is empty.
 */
export function medianDifference(candidate: readonly number[], stable: readonly number[], seed = 20261123): Difference | undefined {
  if (candidate.length === 0 || stable.length === 0) return undefined;
  const random = seededRandom(seed);
  const a = thin(candidate);
  const b = thin(stable);
  const diffs = new Float64Array(RESAMPLES);
  for (let i = 0; i < RESAMPLES; i++) diffs[i] = resampledMedian(a, random) - resampledMedian(b, random);
  diffs.sort();
  const difference = sortedMedian(Float64Array.from(candidate).sort()) - sortedMedian(Float64Array.from(stable).sort());
  return {
    difference,
    low: valueAt(diffs, Math.floor(0.025 * RESAMPLES)),
    high: valueAt(diffs, Math.ceil(0.975 * RESAMPLES) - 1),
    pValue: null,
  };
}

/** The median of a sorted array. */
export function sortedMedian(sorted: ArrayLike<number>): number {
  return medianSorted(Array.from(sorted));
}

function resampledMedian(values: Float64Array, random: () => number): number {
  const sample = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) sample[i] = valueAt(values, Math.floor(random() * values.length));
  sample.sort();
  const mid = sample.length >> 1;
  return sample.length % 2 === 1 ? valueAt(sample, mid) : (valueAt(sample, mid - 1) + valueAt(sample, mid)) / 2;
}

function thin(values: readonly number[]): Float64Array {
  if (values.length <= MAX_SAMPLE) return Float64Array.from(values);
  const step = values.length / MAX_SAMPLE;
  return Float64Array.from({ length: MAX_SAMPLE }, (_, i) => valueAt(values, Math.floor(i * step)));
}

/** The value at an index computed from the array's own length; out of range is a bug, said so. */
function valueAt(values: ArrayLike<number>, index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${index} is outside ${values.length} values`);
  return value;
}
