import { IANAZone } from 'luxon';
import { type BusinessCalendar, clockMinutes, type TimeSlot, WEEKDAYS } from './calendar-shape';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Instants whose local date can be a given date lie within this much of its UTC midnight (offsets reach ±14 h). */
const REACH_MS = 16 * 3_600_000;

/** A half-open stretch of instants [start, end), epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** A calendar made ready for arithmetic: lookups by date, and each date's open intervals cached. */
export interface CompiledCalendar {
  readonly calendar: BusinessCalendar;
  /** Offset of the zone from UTC at an instant, in minutes. */
  offsetAt(instant: number): number;
  /** The local date of an instant, as days since 1970-01-01. */
  localDay(instant: number): number;
  /** The instants at which the calendar is open on local day `day` (days since 1970-01-01), in order. */
  openOn(day: number): readonly Interval[];
  /** The slots in force on a local day (holiday: none; moved working day: its slots). */
  slotsOn(day: number): readonly (readonly [number, number])[];
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOfIso = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const toRange = (slots: readonly TimeSlot[]) => slots.map((s) => [clockMinutes(s.from), clockMinutes(s.to)] as const);

/**
 * Compiles a calendar. Open time is what the wall clock in the calendar's zone shows
 * inside a slot: a DST jump forward shortens the day's slot by the hour that never
 * happens, a jump back lengthens it by the hour that happens twice.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const zone = IANAZone.create(calendar.timeZone);
  const week = WEEKDAYS.map((d) => toRange(calendar.week[d]));
  const usual = week.find((slots) => slots.length > 0) ?? [];
  const holidays = new Set(calendar.holidays.map((h) => dayOfIso(h.date)));
  const workdays = new Map(calendar.workdays.map((w) => [dayOfIso(w.date), w.slots ? toRange(w.slots) : usual]));
  const cache = new Map<number, readonly Interval[]>();
  // Luxon formats the instant with Intl on every call; flows ask the same few instants (an event's time) over and over.
  const offsets = new Map<number, number>();
  const offsetAt = (instant: number) => {
    let offset = offsets.get(instant);
    if (offset === undefined) {
      offset = zone.offset(instant);
      if (offsets.size >= 4096) offsets.clear();
      offsets.set(instant, offset);
    }
    return offset;
  };

  const slotsOn = (day: number) => {
    const moved = workdays.get(day);
    if (moved) return moved;
    if (holidays.has(day)) return [];
    // 1970-01-01 was a Thursday: index 3 of Monday-first weekdays.
    return week[(((day + 3) % 7) + 7) % 7] ?? [];
  };

  /** Stretches of constant offset covering [from, to): the zone's transitions found by bisection. */
  const constantStretches = (from: number, to: number): (Interval & { offset: number })[] => {
    const first = offsetAt(from);
    if (offsetAt(to - 1) === first) return [{ start: from, end: to, offset: first }];
    let low = from;
    let high = to - 1;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetAt(mid) === first) low = mid;
      else high = mid;
    }
    return [{ start: from, end: high, offset: first }, ...constantStretches(high, to)];
  };

  const openOn = (day: number): readonly Interval[] => {
    const known = cache.get(day);
    if (known) return known;
    const slots = slotsOn(day);
    const wallMidnight = day * DAY_MS;
    const open: Interval[] = [];
    if (slots.length > 0) {
      for (const stretch of constantStretches(wallMidnight - REACH_MS, wallMidnight + DAY_MS + REACH_MS)) {
        const utcMidnight = wallMidnight - stretch.offset * MINUTE_MS;
        for (const [from, to] of slots) {
          const start = Math.max(stretch.start, utcMidnight + from * MINUTE_MS);
          const end = Math.min(stretch.end, utcMidnight + to * MINUTE_MS);
          if (start < end) open.push({ start, end });
        }
      }
      open.sort((a, b) => a.start - b.start);
    }
    if (cache.size > 4096) cache.clear();
    cache.set(day, open);
    return open;
  };

  return {
    calendar,
    offsetAt,
    localDay: (instant) => Math.floor((instant + offsetAt(instant) * MINUTE_MS) / DAY_MS),
    openOn,
    slotsOn,
  };
}

export { isoDay, dayOfIso };
