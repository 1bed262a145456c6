import { addBusinessTime, businessTimeBetween, createCalendarBook, type CalendarBook } from '@switchyard/calendar';
import { describeField, INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';
import { words } from './field-words';
import type { NodeContext } from './node-context';

let shipped: CalendarBook | undefined;

/** How a wait counts its duration: round the clock, or only the calendar's working time. */
export const ClockKind = describeField(z.enum(['clock', 'business']).default('clock'), {
  title: words('Count in', '计时方式'),
  help: words('Business hours skip nights, weekends and holidays.', '工作时间不计夜间、周末和节假日。'),
  choices: {
    clock: words('Clock time (round the clock)', '自然时间（全天计时）'),
    business: words('Business hours (calendar)', '工作时间（按日历）'),
  },
});

/** Which calendar counts business time: empty for the ticket's group's calendar, else the default. */
export const CalendarPick = describeField(z.string().max(INPUT_LIMITS.identifier).default(''), {
  title: words('Calendar', '日历'),
  help: words(
    "Left empty: the calendar of the ticket's group, else the default (Mon-Fri 09:00-18:00, China's holidays).",
    '留空则用工单所属组的日历，否则用默认日历（周一至周五 9:00-18:00，含中国法定节假日）。',
  ),
  showWhen: { clock: ['business'] },
});

/**
 * The instant `durationMs` after `from`, counted as the node's config says: clock time, or
 * business time on the picked calendar (the host's calendars, else the shipped default).
 * @example dueAfter(ctx, Date.parse(ctx.ticket.createdAt), 8 * 3_600_000, { clock: 'business', calendar: '' })
 */
export function dueAfter(
  ctx: NodeContext,
  from: number,
  durationMs: number,
  config: { clock: 'clock' | 'business'; calendar: string },
): number {
  if (config.clock !== 'business') return from + durationMs;
  shipped ??= createCalendarBook();
  const book = ctx.calendars ?? shipped;
  return addBusinessTime(book.resolve({ group: ctx.ticket.group, id: config.calendar === '' ? null : config.calendar }), from, durationMs);
}

/**
 * The time counted between two instants as the node's config counts it: clock time, or business
 * time on the picked calendar (what an SLA clock spent before a pause).
 * @example elapsedBetween(ctx, since, ctx.now.getTime(), { clock: 'business', calendar: '' })
 */
export function elapsedBetween(
  ctx: NodeContext,
  from: number,
  to: number,
  config: { clock: 'clock' | 'business'; calendar: string },
): number {
  if (to <= from) return 0;
  if (config.clock !== 'business') return to - from;
  shipped ??= createCalendarBook();
  const book = ctx.calendars ?? shipped;
  return businessTimeBetween(book.resolve({ group: ctx.ticket.group, id: config.calendar === '' ? null : config.calendar }), from, to);
}
