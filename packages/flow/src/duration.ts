import ms from 'ms';
import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';
import { bilingual } from './localized-message';

const MAX_DURATION_MS = 366 * 24 * 3600_000;
/** Below a second a wait means nothing to a service team, and a loop of such waits would spin. */
const MIN_DURATION_MS = 1000;

/** Two or more "<number><unit>" parts ("1h30m", "2d 4h"); every part needs its unit, so "1h30" is not one. */
const COMPOUND = /^\d+(?:\.\d+)?\s*[a-z]+(?:\s*\d+(?:\.\d+)?\s*[a-z]+)+$/i;
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gi;

/**
 * Parses a human duration ("15m", "2h", "24 hours", "7d", "90s", "90 min") into milliseconds;
 * compound durations add up their parts ("1h30m", "1h 30m", "2d 4h").
 * Returns undefined for anything that is not a duration from one second to a year.
 * @example parseDuration('15m') // 900000
 * @example parseDuration('1h 30m') // 5400000
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  // ms() throws on an empty string; a blank field is just not a duration.
  if (trimmed === '') return undefined;
  const value = COMPOUND.test(trimmed) ? sumOfParts(trimmed) : singleDuration(trimmed);
  if (value === undefined || !Number.isFinite(value) || value < MIN_DURATION_MS || value > MAX_DURATION_MS) return undefined;
  return value;
}

function sumOfParts(text: string): number | undefined {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    const part = singleDuration(`${amount}${unit}`);
    // ms() does not know the unit ("1h 30parsecs"): the whole text is not a duration.
    if (part === undefined) return undefined;
    total += part;
  }
  return total;
}

/** One "<number> <unit>" ("15m", "90 min", "24 hours") as ms() reads it. */
function singleDuration(text: string): number | undefined {
  // ms() types its input as a template literal; any string is accepted at run time.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  const value = ms(text as ms.StringValue) as number | undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A duration written for people ("15m", "2h", "7d"), validated at the boundary. */
export const Duration = z
  .string()
  .max(INPUT_LIMITS.duration)
  .refine((s) => parseDuration(s) !== undefined, {
    message: bilingual('expected a duration such as "15m", "2h", "1h30m" or "7d"', '应为时长，例如 "15m"、"2h"、"1h30m" 或 "7d"'),
  });

const UNITS = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
] as const;

/**
 * Formats milliseconds as the shortest readable duration.
 * @example formatDuration(5_400_000) // "1.5h"
 */
export function formatDuration(value: number): string {
  // Not ms(value): it rounds (5_400_000 -> "2h"), and a shown duration must parse back to itself.
  const unit = UNITS.find(([, size]) => value >= size && value % (size / 10) === 0);
  return unit ? `${value / unit[1]}${unit[0]}` : `${value}ms`;
}
