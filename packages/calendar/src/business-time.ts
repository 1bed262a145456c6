import { bilingual } from '@switchyard/flow';
import type { CompiledCalendar } from './open-intervals';

/** How far ahead to look for open time before deciding the calendar has none (ten years). */
const HORIZON_DAYS = 3660;

/** A calendar that is never open (no slots, or every day a holiday) cannot count business time. */
export class ClosedCalendarError extends Error {
  constructor(id: string) {
    super(bilingual(`calendar "${id}" has no working time in the next ten years`, `日历“${id}”在未来十年内没有工作时间`));
    this.name = 'ClosedCalendarError';
  }
}

/** Whether the calendar is open at an instant. */
export function isOpenAt(cal: CompiledCalendar, instant: number): boolean {
  const day = cal.localDay(instant);
  return cal.openOn(day).some((i) => i.start <= instant && instant < i.end);
}

/**
 * The instant at which `durationMs` of business time has passed after `start`: exact to the
 * millisecond across nights, weekends, holidays and DST. Ending on a closing time gives that
 * closing time (8 business hours from Monday 09:00 on a 09:00-18:00 calendar: Monday 18:00).
 * @example addBusinessTime(cal, Date.parse('2026-02-13T09:00:00+08:00'), 2 * 3600_000)
 */
export function addBusinessTime(cal: CompiledCalendar, start: number, durationMs: number): number {
  if (durationMs <= 0) return start;
  let remaining = durationMs;
  const first = cal.localDay(start);
  for (let day = first - 1; day <= first + HORIZON_DAYS; day++) {
    for (const open of cal.openOn(day)) {
      if (open.end <= start) continue;
      const from = Math.max(open.start, start);
      const available = open.end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  throw new ClosedCalendarError(cal.calendar.id);
}

/**
 * Business time between two instants in milliseconds (negative when `to` is before `from`).
 * @example businessTimeBetween(cal, fridayAt17, mondayAt10) // 2 h on a 09:00-18:00 calendar
 */
export function businessTimeBetween(cal: CompiledCalendar, from: number, to: number): number {
  if (to < from) return -businessTimeBetween(cal, to, from);
  let total = 0;
  for (let day = cal.localDay(from) - 1; day <= cal.localDay(to) + 1; day++) {
    for (const open of cal.openOn(day)) {
      const start = Math.max(open.start, from);
      const end = Math.min(open.end, to);
      if (start < end) total += end - start;
    }
  }
  return total;
}

/** The first instant at or after `instant` at which the calendar is open. */
export function nextOpening(cal: CompiledCalendar, instant: number): number {
  const first = cal.localDay(instant);
  for (let day = first - 1; day <= first + HORIZON_DAYS; day++) {
    for (const open of cal.openOn(day)) if (open.end > instant) return Math.max(open.start, instant);
  }
  throw new ClosedCalendarError(cal.calendar.id);
}
