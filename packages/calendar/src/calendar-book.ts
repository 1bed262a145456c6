import { BusinessCalendar, type BusinessCalendarInput } from './calendar-shape';
import { DEFAULT_CALENDAR } from './china-holidays';
import { compileCalendar, type CompiledCalendar } from './open-intervals';

/** The calendars a host knows: one per group, or the default. */
export interface CalendarBook {
  /** The calendar of a group (its own, else the default); `id` picks one by name first. */
  resolve(pick: { group?: string | null; id?: string | null }): CompiledCalendar;
}

/** A stored calendar and the groups it serves. */
export interface CalendarEntry {
  readonly calendar: BusinessCalendar;
  readonly groups: readonly string[];
}

let shippedDefault: CompiledCalendar | undefined;

/** The shipped default calendar (China, Mon-Fri 09:00-18:00 Asia/Shanghai), compiled once. */
export function defaultCalendar(): CompiledCalendar {
  shippedDefault ??= compileCalendar(BusinessCalendar.parse(DEFAULT_CALENDAR));
  return shippedDefault;
}

/**
 * A book of calendars: a stored calendar with id "default" replaces the shipped one; a
 * group without a calendar of its own uses the default.
 * @example createCalendarBook([{ calendar, groups: ['billing'] }]).resolve({ group: 'billing' })
 */
export function createCalendarBook(entries: readonly CalendarEntry[] = []): CalendarBook {
  const byId = new Map<string, CompiledCalendar>();
  const byGroup = new Map<string, CompiledCalendar>();
  for (const entry of entries) {
    const compiled = compileCalendar(entry.calendar);
    byId.set(entry.calendar.id, compiled);
    for (const group of entry.groups) byGroup.set(group, compiled);
  }
  const fallback = byId.get('default') ?? defaultCalendar();
  return {
    resolve: ({ group, id }) => (id ? byId.get(id) : undefined) ?? (group ? byGroup.get(group) : undefined) ?? fallback,
  };
}

/** Parses a calendar written as data (the shape `POST /api/calendars` takes). */
export function parseCalendar(input: BusinessCalendarInput): BusinessCalendar {
  return BusinessCalendar.parse(input);
}
