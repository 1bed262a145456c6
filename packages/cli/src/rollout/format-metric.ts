import type { MetricDifference } from '@switchyard/api';

type Unit = MetricDifference['unit'];

const UNITS: readonly [suffix: string, ms: number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * A duration in ms at its two largest units, as a table cell.
 * @example formatMs(5_430_000) // "1h30m"
 * @example formatMs(800) // "0.8s"
 */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${Number((ms / 1_000).toFixed(1))}s`;
  let rest = Math.round(abs / 1_000) * 1_000;
  const parts: string[] = [];
  for (const [suffix, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(`${count}${suffix}`);
  }
  return `${ms < 0 ? '-' : ''}${parts.join('')}`;
}

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/**
 * A metric's value in its unit: rates as percentages, durations, CSAT scores; "—" when unknown.
 * @example formatMetricValue(4.25, 'points') // "4.3%"
 */
export function formatMetricValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  if (unit === 'points') return `${round(value, 1)}%`;
  if (unit === 'ms') return formatMs(value);
  return round(value, 2);
}

/**
 * A difference with its sign: percentage points, durations, score points.
 * @example formatDifference(1.25, 'points') // "+1.3 pts"
 * @example formatDifference(-60_000, 'ms') // "-1m"
 */
export function formatDifference(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : '';
  if (unit === 'points') return `${sign}${round(value, 1)} pts`;
  if (unit === 'ms') return `${sign}${formatMs(value)}`;
  return `${sign}${round(value, 2)}`;
}

/**
 * A 95% interval of a difference.
 * @example formatInterval(-0.5, 2, 'points') // "[-0.5, +2 pts]"
 */
export function formatInterval(low: number | null, high: number | null, unit: Unit): string {
  if (low === null || high === null) return '—';
  const [a, b] = [formatDifference(low, unit), formatDifference(high, unit)];
  return unit === 'points' ? `[${a.replace(' pts', '')}, ${b}]` : `[${a}, ${b}]`;
}

/** better / worse when the interval leaves out 0, else not yet. */
export function verdictOf(difference: Pick<MetricDifference, 'significant' | 'better'>): 'better' | 'worse' | 'notYet' {
  if (!difference.significant || difference.better === null) return 'notYet';
  return difference.better ? 'better' : 'worse';
}
