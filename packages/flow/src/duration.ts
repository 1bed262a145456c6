import ms from 'ms';
import { z } from 'zod';

const MAX_DURATION_MS = 366 * 24 * 3600_000;

/**
 * Parses a human duration ("15m", "2h", "24 hours", "7d", "90s") into milliseconds.
 * Returns undefined for anything that is not a positive duration of at most a year.
 * @example parseDuration('15m') // 900000
 */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim().replace(/\s*min(ute)?s?$/i, 'm');
  // ms() throws on an empty string; a blank field is just not a duration.
  if (compact === '') return undefined;
  // ms() types its input as a template literal; any string is accepted at run time.
  const value = ms(compact as ms.StringValue) as number | undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_DURATION_MS) return undefined;
  return value;
}

/** A duration written for people ("15m", "2h", "7d"), validated at the boundary. */
export const Duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, { message: 'expected a duration such as "15m", "2h" or "7d"' });

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

