export {
  BusinessCalendar,
  CalendarDate,
  clockMinutes,
  DaySlots,
  ExtraWorkday,
  Holiday,
  TimeSlot,
  TimeZoneName,
  WEEKDAYS,
  WeekHours,
} from './calendar-shape';
export type { BusinessCalendarInput } from './calendar-shape';
export { compileCalendar } from './open-intervals';
export type { CompiledCalendar, Interval } from './open-intervals';
export { addBusinessTime, businessTimeBetween, ClosedCalendarError, isOpenAt, nextOpening } from './business-time';
export { CHINA_2026, CHINA_HOLIDAY_YEARS, DEFAULT_CALENDAR } from './china-holidays';
export { createCalendarBook, defaultCalendar, parseCalendar } from './calendar-book';
export type { CalendarBook, CalendarEntry } from './calendar-book';
export { importIcalDays, withImportedDays } from './ical-import';
export type { ImportedDays } from './ical-import';
