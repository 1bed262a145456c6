import type { MetricDifference, VersionMetrics } from '../rollout';
import { type FormatStyle, formatMs, styleOf } from './format-duration';

type Unit = MetricDifference['unit'];

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));
const pointsWord = (style: FormatStyle) => (styleOf(style).locale === 'zh-CN' ? ' 个百分点' : ' pts');

/**
 * A metric's value in its unit: a rate as a percentage, a median as a duration, a score; "—" unknown.
 * @example formatMetricValue(4.25, 'points', 'en') // "4.3%"
 */
export function formatMetricValue(value: number | null, unit: Unit, style: FormatStyle): string {
  if (value === null) return '—';
  if (unit === 'points') return `${round(value, 1)}%`;
  if (unit === 'ms') return formatMs(value, style);
  return round(value, 2);
}

/** A signed amount without its unit word, for differences and interval ends. */
function signed(value: number, unit: Unit, style: FormatStyle): string {
  const sign = value > 0 ? '+' : '';
  if (unit === 'ms') return sign + formatMs(value, style);
  return sign + round(value, unit === 'points' ? 1 : 2);
}

/**
 * Candidate minus stable with its sign and unit.
 * @example formatDifference(1.25, 'points', 'en') // "+1.3 pts"
 * @example formatDifference(-60_000, 'ms', { locale: 'en', compact: true }) // "-1m"
 */
export function formatDifference(value: number | null, unit: Unit, style: FormatStyle): string {
  if (value === null) return '—';
  return signed(value, unit, style) + (unit === 'points' ? pointsWord(style) : '');
}

/**
 * The 95% interval of a difference; "—" when the server could not compute one.
 * @example formatInterval(-0.5, 2, 'points', 'en') // "-0.5 … +2 pts"
 */
export function formatInterval(low: number | null, high: number | null, unit: Unit, style: FormatStyle): string {
  if (low === null || high === null) return '—';
  return `${signed(low, unit, style)} … ${signed(high, unit, style)}${unit === 'points' ? pointsWord(style) : ''}`;
}

/** What a difference says so far. */
export type Verdict = 'better' | 'worse' | 'notYet';

/**
 * Better or worse only once the interval leaves out 0 (`significant`); until then, not yet.
 * @example verdictOf({ significant: false, better: true }) // "notYet"
 */
export function verdictOf(difference: Pick<MetricDifference, 'significant' | 'better'>): Verdict {
  if (!difference.significant || difference.better === null) return 'notYet';
  return difference.better ? 'better' : 'worse';
}

/**
 * A comparison's p-value as both sides print it: three decimals, "<0.001" below that, "—" unknown.
 * @example formatPValue(0.0004) // "<0.001"
 */
export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/**
 * A version's CSAT: the mean score and how many answers it stands on, "—" without any.
 * @example formatCsat({ average: 4.25, responses: 12, satisfiedPercent: 75 }, 'en') // "4.25 (n=12)"
 */
export function formatCsat(csat: VersionMetrics['csat'], style: FormatStyle): string {
  return csat.average === null ? '—' : `${formatMetricValue(csat.average, 'score', style)} (n=${csat.responses})`;
}
