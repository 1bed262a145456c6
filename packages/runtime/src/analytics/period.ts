import type { Clock } from '../clock';
import { RuntimeInputError } from '../errors';
import { dayOf } from './ticket-facts';

const DAY_MS = 86_400_000;

/** A period of whole UTC days, both ends included. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * The period asked for: `to` defaults to today, `from` to 29 days before `to` (30 days).
 * A `from` after `to`, or more than 400 days, is refused naming the field.
 */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, clock: Clock): Period {
  const to = query.to ?? dayOf(clock.now());
  const from = query.from ?? addDays(to, -29);
  if (from > to)
    throw new RuntimeInputError('invalid request', 400, [
      { path: 'from', message: 'the period starts after it ends / 开始日期晚于结束日期' },
    ]);
  if (Date.parse(to) - Date.parse(from) > 400 * DAY_MS)
    throw new RuntimeInputError('invalid request', 400, [{ path: 'from', message: 'a period is at most 400 days / 时间段最长 400 天' }]);
  return { from, to };
}

/** The day `n` days after `day` (before, for a negative n). */
export function addDays(day: string, n: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** Every day of the period, in order. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d);
  return days;
}
