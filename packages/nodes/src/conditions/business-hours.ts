import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { words } from '../sdk/field-words';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('use HH:MM, 24-hour', '请用 HH:MM，24 小时制'));

/** Minutes since midnight and ISO weekday (1 = Monday) of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** True during business hours in the team's time zone. */
export const businessHours = defineNode({
  type: 'business_hours',
  kind: 'condition',
  icon: 'clock',
  title: { en: 'Business hours', 'zh-CN': '工作时间' },
  description: {
    en: "True during business hours in the team's time zone.",
    'zh-CN': '在团队时区的工作时间内为真。',
  },
  config: z.strictObject({
    days: describeField(z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]), {
      title: words('Working days', '工作日'),
      choices: {
        1: words('Mon', '周一'),
        2: words('Tue', '周二'),
        3: words('Wed', '周三'),
        4: words('Thu', '周四'),
        5: words('Fri', '周五'),
        6: words('Sat', '周六'),
        7: words('Sun', '周日'),
      },
    }),
    start: describeField(Clock.default('09:00'), { title: words('From', '开始时间'), help: words('HH:MM, 24-hour', 'HH:MM，24 小时制') }),
    end: describeField(Clock.default('18:00'), { title: words('Until', '结束时间'), help: words('HH:MM, 24-hour', 'HH:MM，24 小时制') }),
    timezone: describeField(
      z.string().refine(isTimeZone, bilingual('unknown IANA time zone', '未知的 IANA 时区')).default('Asia/Shanghai'),
      {
        title: words('Time zone', '时区'),
        help: words('An IANA name, e.g. Asia/Shanghai', 'IANA 时区名，例如 Asia/Shanghai'),
      },
    ),
  }),
  evaluate: (ctx, config) => {
    const { weekday, minutes } = localTime(ctx.now, config.timezone);
    const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
    return config.days.includes(weekday) && minutes >= toMinutes(config.start) && minutes < toMinutes(config.end);
  },
  explain: (ctx, config) => {
    const { weekday, minutes } = localTime(ctx.now, config.timezone);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return { weekday, time, timezone: config.timezone, hours: `${config.start}-${config.end}`, days: config.days };
  },
  summary: (config) => `${config.start}-${config.end} ${config.timezone}`,
});
