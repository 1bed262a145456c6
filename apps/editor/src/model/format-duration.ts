import { parseDuration } from '@switchyard/flow';
import type { Locale } from '../i18n/translate';

/** Units from days to seconds, with their short names in both languages. */
export const DURATION_UNITS = [
  { size: 86_400_000, en: 'd', zh: '天' },
  { size: 3_600_000, en: 'h', zh: '小时' },
  { size: 60_000, en: 'min', zh: '分钟' },
  { size: 1_000, en: 's', zh: '秒' },
] as const;

/**
 * A duration as people read it: "1 h 30 min", "15 分钟". Falls back to the text as written.
 * @example humanDuration('90m', 'en') // "1 h 30 min"
 */
export function humanDuration(text: string, locale: Locale): string {
  const ms = parseDuration(text);
  if (ms === undefined) return text;
  const parts: string[] = [];
  let rest = ms;
  for (const unit of DURATION_UNITS) {
    const count = Math.floor(rest / unit.size);
    if (count > 0) {
      parts.push(locale === 'en' ? `${count} ${unit.en}` : `${count} ${unit.zh}`);
      rest -= count * unit.size;
    }
  }
  return parts.join(' ') || text;
}
