import { BusinessCalendar } from '@switchyard/calendar';
import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

const Groups = z.array(z.string().min(1).max(INPUT_LIMITS.id)).max(INPUT_LIMITS.listItems);

/** A calendar as stored: the calendar and the groups whose business time it counts. */
export const StoredCalendar = BusinessCalendar.extend({ groups: Groups.default([]) });
export type StoredCalendar = z.output<typeof StoredCalendar>;

/** An iCal holiday feed to read into the calendar: its text, and the years to take from it. */
export const IcalImport = z
  .strictObject({
    feed: z.string().min(1).max(INPUT_LIMITS.body),
    fromYear: z.number().int().min(1970).max(2200),
    toYear: z.number().int().min(1970).max(2200),
  })
  .meta({ id: 'IcalImport' });

/**
 * POST /api/calendars: a calendar by id (created or replaced), the groups it serves, and
 * optionally an iCal feed whose holidays and make-up working days are added to it.
 */
export const SaveCalendarRequest = StoredCalendar.extend({ ical: IcalImport.optional() }).meta({ id: 'SaveCalendarRequest' });
export type SaveCalendarRequest = z.input<typeof SaveCalendarRequest>;

/** A calendar as GET /api/calendars shows it: stored, or the shipped default. */
export const CalendarView = StoredCalendar.extend({
  /** `stored` (saved through the API) or `shipped` (the built-in default, until one with id "default" is saved). */
  source: z.enum(['stored', 'shipped']),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
}).meta({ id: 'CalendarView' });
export type CalendarView = z.output<typeof CalendarView>;

export const CalendarList = z.array(CalendarView).meta({ id: 'CalendarList' });
export type CalendarList = z.output<typeof CalendarList>;
