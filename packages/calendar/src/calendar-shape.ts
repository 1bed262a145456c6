import { bilingual, INPUT_LIMITS } from '@switchyard/flow';
import { IANAZone } from 'luxon';
import { z } from 'zod';

/** "HH:MM" on a 24-hour clock; "24:00" closes a slot at midnight. */
const Clock = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/,
    bilingual('use HH:MM, 24-hour (24:00 for midnight)', '请用 HH:MM，24 小时制（午夜写 24:00）'),
  );

/** Minutes since midnight of a "HH:MM" clock. */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** One stretch of working time in a day, local to the calendar's zone: [from, to). */
export const TimeSlot = z.strictObject({ from: Clock, to: Clock }).refine((slot) => clockMinutes(slot.from) < clockMinutes(slot.to), {
  message: bilingual('a slot must end after it starts', '时段的结束时间必须晚于开始时间'),
  path: ['to'],
});
export type TimeSlot = z.infer<typeof TimeSlot>;

/** A day's slots, in order and not overlapping ("09:00-12:00" then "13:00-18:00"). */
export const DaySlots = z
  .array(TimeSlot)
  .max(24)
  .refine((slots) => slots.every((slot, i) => i === 0 || clockMinutes(slot.from) >= clockMinutes(slots[i - 1]?.to ?? '00:00')), {
    message: bilingual('slots must be in order and must not overlap', '时段须按时间顺序排列且互不重叠'),
  });

/** A calendar date, "YYYY-MM-DD". */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, bilingual('use YYYY-MM-DD', '请用 YYYY-MM-DD 格式'))
  .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), {
    message: bilingual('no such date', '日期不存在'),
  });

/** An IANA time zone name that this runtime knows ("Asia/Shanghai"). */
export const TimeZoneName = z
  .string()
  .max(INPUT_LIMITS.name)
  .refine((zone) => IANAZone.isValidZone(zone), { message: bilingual('unknown IANA time zone', '未知的 IANA 时区') });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Working slots per weekday; a day left out is closed. */
export const WeekHours = z.strictObject({
  mon: DaySlots.default([]),
  tue: DaySlots.default([]),
  wed: DaySlots.default([]),
  thu: DaySlots.default([]),
  fri: DaySlots.default([]),
  sat: DaySlots.default([]),
  sun: DaySlots.default([]),
});

/** A closed day (a public holiday). */
export const Holiday = z.strictObject({ date: CalendarDate, name: z.string().max(INPUT_LIMITS.name).default('') });

/**
 * An extra working day on a date the week has closed (China moves working days around its
 * holidays: Saturday 2026-02-14 is worked). Its slots default to the calendar's usual working day.
 */
export const ExtraWorkday = z.strictObject({
  date: CalendarDate,
  name: z.string().max(INPUT_LIMITS.name).default(''),
  slots: DaySlots.optional(),
});

/** Business hours as data: a zone, weekly slots, holidays and moved working days. */
export const BusinessCalendar = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(INPUT_LIMITS.identifier)
    .regex(/^[A-Za-z0-9_.-]+$/, bilingual('use letters, digits, "-", "_" or "."', '只能使用字母、数字、"-"、"_" 或 "."')),
  name: z.string().max(INPUT_LIMITS.name).default(''),
  timeZone: TimeZoneName,
  week: WeekHours,
  holidays: z.array(Holiday).max(2000).default([]),
  workdays: z.array(ExtraWorkday).max(2000).default([]),
});
export type BusinessCalendar = z.output<typeof BusinessCalendar>;
export type BusinessCalendarInput = z.input<typeof BusinessCalendar>;
