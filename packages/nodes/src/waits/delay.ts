import { describeField, Duration, parseDuration } from '@switchyard/flow';
import { z } from 'zod';
import { CalendarPick, ClockKind, dueAfter } from '../sdk/business-clock';
import { defineNode } from '../sdk/define-node';
import { words } from '../sdk/field-words';

/** Waits a fixed time, then goes on. */
export const delay = defineNode({
  type: 'delay',
  kind: 'wait',
  icon: 'hourglass',
  title: { en: 'Wait', 'zh-CN': '等待' },
  description: {
    en: 'Waits a fixed time, then goes on. The wait survives restarts.',
    'zh-CN': '等待固定时长后继续；重启不会丢失。',
  },
  config: z.strictObject({
    duration: describeField(Duration, { title: words('How long', '等待时长'), help: words('e.g. 15m, 4h, 2d', '例如 15m、4h、2d') }),
    clock: ClockKind,
    calendar: CalendarPick,
  }),
  delayMs: (ctx, config) => {
    const now = ctx.now.getTime();
    return dueAfter(ctx, now, parseDuration(config.duration) ?? 0, config) - now;
  },
  summary: (config, locale) =>
    `${locale === 'en' ? 'wait' : '等待'} ${config.duration}${config.clock === 'business' ? (locale === 'en' ? ' business time' : '工作时间') : ''}`,
});
