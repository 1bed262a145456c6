import { type Locale, parseDuration } from '@switchyard/flow';

/** Units from days to seconds, with their names in both languages and their compact suffix. */
export const DURATION_UNITS = [
  { size: 86_400_000, en: 'd', 'zh-CN': '天', compact: 'd' },
  { size: 3_600_000, en: 'h', 'zh-CN': '小时', compact: 'h' },
  { size: 60_000, en: 'min', 'zh-CN': '分钟', compact: 'm' },
  { size: 1_000, en: 's', 'zh-CN': '秒', compact: 's' },
] as const;

/**
 * How a figure is written: in words of a language for people ("1 h 30 min", "1 小时 30 分钟"), or
 * compact for tables and timelines ("1h30m"). A bare locale means words.
 */
export type FormatStyle = Locale | { readonly locale: Locale; readonly compact?: boolean };

/** The locale and compactness of a style. */
export const styleOf = (style: FormatStyle): { locale: Locale; compact: boolean } =>
  typeof style === 'string' ? { locale: style, compact: false } : { locale: style.locale, compact: style.compact ?? false };

/**
 * The whole units of a duration (rounded to seconds), largest first, at most `most` of them.
 * @example durationParts(5_430_000) // [{ count: 1, unit: hours }, { count: 30, unit: minutes }]
 */
export function durationParts(ms: number, most = Infinity): { count: number; unit: (typeof DURATION_UNITS)[number] }[] {
  let rest = Math.round(Math.abs(ms) / 1_000) * 1_000;
  const parts: { count: number; unit: (typeof DURATION_UNITS)[number] }[] = [];
  for (const unit of DURATION_UNITS) {
    const count = Math.floor(rest / unit.size);
    rest -= count * unit.size;
    if (count > 0 && parts.length < most) parts.push({ count, unit });
  }
  return parts;
}

/** Parts as text in a style: "1 h 30 min", "1 小时 30 分钟", "1h30m". */
export function partsText(parts: ReturnType<typeof durationParts>, style: FormatStyle): string {
  const { locale, compact } = styleOf(style);
  return compact ? parts.map((p) => `${p.count}${p.unit.compact}`).join('') : parts.map((p) => `${p.count} ${p.unit[locale]}`).join(' ');
}

/**
 * A duration in ms at its two largest units, signed when negative; under a second, tenths of one.
 * @example formatMs(5_400_000, 'en') // "1 h 30 min"
 * @example formatMs(-90_000, 'zh-CN') // "-1 分钟 30 秒"
 * @example formatMs(5_430_000, { locale: 'en', compact: true }) // "1h30m"
 */
export function formatMs(ms: number, style: FormatStyle): string {
  const sign = ms < 0 ? '-' : '';
  if (Math.abs(ms) < 1_000) {
    const seconds = String(Number((Math.abs(ms) / 1_000).toFixed(1)));
    const { locale, compact } = styleOf(style);
    return `${sign}${seconds}${compact ? 's' : ` ${DURATION_UNITS[3][locale]}`}`;
  }
  return sign + partsText(durationParts(ms, 2), style);
}

/**
 * A duration as a wait takes it ("90m") as people read it ("1 h 30 min", "15 分钟"); the text as
 * written when it is no duration.
 * @example humanDuration('90m', 'en') // "1 h 30 min"
 */
export function humanDuration(text: string, style: FormatStyle): string {
  const ms = parseDuration(text);
  return ms === undefined ? text : partsText(durationParts(ms), style) || text;
}
