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
  // ms() types its input as a template literal; any string is accepted at run time.
  const value = ms(compact as ms.StringValue) as number | undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_DURATION_MS) return undefined;
  return value;
}

/** A duration written for people ("15m", "2h", "7d"), validated at the boundary. */
export const Duration = z
  .string()
  .refine((s) => parseDuration(s) !== undefined, { message: 'expected a duration such as "15m", "2h" or "7d"' });

/**
 * Formats milliseconds as the shortest readable duration.
 * @example formatDuration(5_400_000) // "1.5h"
 */
export function formatDuration(value: number): string {
  return ms(value);
}
