import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { BusinessCalendar, clockMinutes, WEEKDAYS } from './calendar-shape';
import { compileCalendar } from './open-intervals';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Australia/Lord_Howe', 'UTC'];
/** Windows around the 2026 DST changes (north in March and October, Lord Howe in April and October). */
const WINDOWS = [
  Date.parse('2026-03-05T00:00:00Z'),
  Date.parse('2026-04-02T00:00:00Z'),
  Date.parse('2026-10-01T00:00:00Z'),
  Date.parse('2026-10-22T00:00:00Z'),
];
const SPAN_DAYS = 6;

/** Slots on the quarter hour, in order, not overlapping. */
const daySlots = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((marks) => [...marks].sort((a, b) => a - b))
  .map((marks) => {
    const clock = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
    const slots: { from: string; to: string }[] = [];
    for (let i = 0; i + 1 < marks.length; i += 2) slots.push({ from: clock(marks[i] ?? 0), to: clock(marks[i + 1] ?? 0) });
    return slots;
  });

const windowDate = (window: number, offsetDays: number) => new Date(window + offsetDays * DAY).toISOString().slice(0, 10);

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    window: fc.constantFrom(...WINDOWS),
    week: fc.tuple(daySlots, daySlots, daySlots, daySlots, daySlots, daySlots, daySlots),
    holidayDays: fc.uniqueArray(fc.integer({ min: -1, max: SPAN_DAYS + 1 }), { maxLength: 3 }),
    workdayDays: fc.uniqueArray(fc.integer({ min: -1, max: SPAN_DAYS + 1 }), { maxLength: 2 }),
    startMinute: fc.integer({ min: 0, max: 2 * 24 * 60 }),
    lengthMinutes: fc.integer({ min: 0, max: (SPAN_DAYS - 2) * 24 * 60 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((s) => ({
    ...s,
    calendar: BusinessCalendar.parse({
      id: 'p',
      timeZone: s.zone,
      week: Object.fromEntries(WEEKDAYS.map((d, i) => [d, s.week[i]])),
      holidays: s.holidayDays.map((d) => ({ date: windowDate(s.window, d) })),
      workdays: s.workdayDays.filter((d) => !s.holidayDays.includes(d)).map((d) => ({ date: windowDate(s.window, d) })),
    }),
  }));

/** Open minutes by brute force: the wall clock of each minute against that date's slots, no intervals. */
function openMinutes(calendar: BusinessCalendar, from: number, to: number): number[] {
  const zone = IANAZone.create(calendar.timeZone);
  const holidays = new Set(calendar.holidays.map((h) => h.date));
  const workdays = new Set(calendar.workdays.map((w) => w.date));
  const usual = WEEKDAYS.map((d) => calendar.week[d]).find((s) => s.length > 0) ?? [];
  const open: number[] = [];
  for (let t = from; t < to; t += MINUTE) {
    const wall = new Date(t + zone.offset(t) * MINUTE);
    const date = wall.toISOString().slice(0, 10);
    const weekday = WEEKDAYS[(wall.getUTCDay() + 6) % 7] ?? 'mon';
    const slots = workdays.has(date) ? usual : holidays.has(date) ? [] : calendar.week[weekday];
    const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    if (slots.some((s) => clockMinutes(s.from) <= minute && minute < clockMinutes(s.to))) open.push(t);
  }
  return open;
}

describe('business time against a minute-by-minute count (seeded)', () => {
  it('measures and adds as the brute force counts', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const cal = compileCalendar(s.calendar);
        const from = s.window + s.startMinute * MINUTE;
        const to = from + s.lengthMinutes * MINUTE;
        const open = openMinutes(s.calendar, from, to);
        expect(businessTimeBetween(cal, from, to)).toBe(open.length * MINUTE);
        if (open.length === 0) return;
        // The k-th open minute ends where adding k minutes of business time lands.
        const k = Math.max(1, Math.ceil(s.fraction * open.length));
        expect(new Date(addBusinessTime(cal, from, k * MINUTE)).toISOString()).toBe(new Date((open[k - 1] ?? 0) + MINUTE).toISOString());
      }),
      { seed: 21, numRuns: 60 },
    );
  });
});
