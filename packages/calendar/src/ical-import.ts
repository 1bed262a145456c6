import { bilingual } from '@switchyard/flow';
import ICAL from 'ical.js';
import type { BusinessCalendarInput } from './calendar-shape';

/** What an iCal feed adds to a calendar: closed days and extra working days. */
export interface ImportedDays {
  readonly holidays: { date: string; name: string }[];
  readonly workdays: { date: string; name: string }[];
}

/** Events that mark a worked day in Chinese holiday feeds ("春节补班", "调休上班", "(班)"), or in English ones. */
const WORKDAY_MARK = /补班|调休上班|上班|[（(]班[)）]|working day|make-?up day/i;
/** A recurring event is expanded over at most this many occurrences (a yearly holiday over a century). */
const MAX_OCCURRENCES = 100;
/** A holiday event lasting longer than this is not a holiday feed's event. */
const MAX_EVENT_DAYS = 60;

/** The date ("YYYY-MM-DD") an iCal date (or the local date of a date-time) stands for. */
const dateOf = (time: ICAL.Time): string =>
  `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;

/**
 * Reads the days of an iCal holiday feed (RFC 5545, e.g. a public holiday calendar): each
 * all-day event closes its days, from DTSTART up to (not including) DTEND; an event whose
 * summary marks a working day ("补班", "working day") adds a working day instead. Yearly
 * recurring events are expanded between the years `from` and `to`.
 * @throws Error naming the problem when the text is not iCal.
 * @example importIcalDays(feed, { from: 2026, to: 2027 })
 */
export function importIcalDays(text: string, years: { from: number; to: number }): ImportedDays {
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    // One VCALENDAR parses to one jCal array; several, or none, is not a feed.
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw new Error('expected one VCALENDAR');
    root = new ICAL.Component(parsed);
  } catch (error) {
    throw new Error(
      bilingual(
        `not an iCal feed: ${error instanceof Error ? error.message : String(error)}`,
        `不是 iCal 日历：${error instanceof Error ? error.message : String(error)}`,
      ),
      { cause: error },
    );
  }
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const name = event.summary ?? '';
    const target = WORKDAY_MARK.test(name) ? workdays : holidays;
    for (const start of occurrences(event, years)) {
      const days = spanDays(event);
      const day = start.clone();
      day.isDate = true;
      for (let i = 0; i < days; i++) {
        if (day.year >= years.from && day.year <= years.to && !target.has(dateOf(day))) target.set(dateOf(day), name);
        day.adjust(1, 0, 0, 0);
      }
    }
  }
  const sorted = (days: Map<string, string>) => [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
  return { holidays: sorted(holidays), workdays: sorted(workdays) };
}

/** How many days an event covers: DTEND is exclusive for all-day events; a timed event covers its start date. */
function spanDays(event: ICAL.Event): number {
  if (!event.startDate.isDate) return 1;
  const end = event.endDate;
  const days = Math.round((end.toUnixTime() - event.startDate.toUnixTime()) / 86_400);
  return Math.min(MAX_EVENT_DAYS, Math.max(1, days));
}

function* occurrences(event: ICAL.Event, years: { from: number; to: number }): Generator<ICAL.Time> {
  if (!event.isRecurring()) {
    yield event.startDate;
    return;
  }
  const expansion = event.iterator();
  for (let i = 0, next = expansion.next(); next && i < MAX_OCCURRENCES; i++, next = expansion.next()) {
    if (next.year > years.to) return;
    if (next.year >= years.from) yield next;
  }
}

/** A calendar with the feed's days added (a date both in the calendar and the feed keeps the calendar's entry). */
export function withImportedDays(calendar: BusinessCalendarInput, days: ImportedDays): BusinessCalendarInput {
  const known = (list: readonly { date: string }[] | undefined) => new Set((list ?? []).map((d) => d.date));
  const holidays = known(calendar.holidays);
  const workdays = known(calendar.workdays);
  return {
    ...calendar,
    holidays: [...(calendar.holidays ?? []), ...days.holidays.filter((d) => !holidays.has(d.date) && !workdays.has(d.date))],
    workdays: [...(calendar.workdays ?? []), ...days.workdays.filter((d) => !workdays.has(d.date) && !holidays.has(d.date))],
  };
}
