import type { MetricDifference } from '@switchyard/api';
import type { Locale } from '../i18n/translate';
import { DURATION_UNITS } from './format-duration';

type Unit = MetricDifference['unit'];

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/**
 * A duration at its two largest units, signed when negative.
 * @example formatMs(5_400_000, 'en') // "1 h 30 min"
 * @example formatMs(-90_000, 'zh-CN') // "-1 分钟 30 秒"
 */
export function formatMs(ms: number, locale: Locale): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1_000) return `${sign}${round(abs / 1_000, 1)} ${locale === 'en' ? 's' : '秒'}`;
  let rest = Math.round(abs / 1_000) * 1_000;
  const parts: string[] = [];
  for (const unit of DURATION_UNITS) {
    const count = Math.floor(rest / unit.size);
    rest -= count * unit.size;
    if (count > 0 && parts.length < 2) parts.push(`${count} ${locale === 'en' ? unit.en : unit.zh}`);
  }
  return sign + parts.join(' ');
}

/**
 * A metric's value in its unit: a rate as a percentage, a median as a duration, a score; "—" unknown.
 * @example formatMetricValue(4.25, 'points', 'en') // "4.3%"
 */
export function formatMetricValue(value: number | null, unit: Unit, locale: Locale): string {
  if (value === null) return '—';
  if (unit === 'points') return `${round(value, 1)}%`;
  if (unit === 'ms') return formatMs(value, locale);
  return round(value, 2);
}

/** A signed amount without its unit word, for differences and interval ends. */
function signed(value: number, unit: Unit, locale: Locale): string {
  const sign = value > 0 ? '+' : '';
  if (unit === 'ms') return sign + formatMs(value, locale);
  return sign + round(value, unit === 'points' ? 1 : 2);
}

const pointsWord = (locale: Locale) => (locale === 'en' ? ' pts' : ' 个百分点');

/**
 * Candidate minus stable with its sign and unit.
 * @example formatDifference(1.25, 'points', 'en') // "+1.3 pts"
 */
export function formatDifference(value: number | null, unit: Unit, locale: Locale): string {
  if (value === null) return '—';
  return signed(value, unit, locale) + (unit === 'points' ? pointsWord(locale) : '');
}

/**
 * The 95% interval of a difference; "—" when the server could not compute one.
 * @example formatInterval(-0.5, 2, 'points', 'en') // "-0.5 … +2 pts"
 */
export function formatInterval(low: number | null, high: number | null, unit: Unit, locale: Locale): string {
  if (low === null || high === null) return '—';
  return `${signed(low, unit, locale)} … ${signed(high, unit, locale)}${unit === 'points' ? pointsWord(locale) : ''}`;
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
