import { describeField, Duration, parseDuration } from '@switchyard/flow';
import { z } from 'zod';
import { CalendarPick, ClockKind, dueAfter } from '../sdk/business-clock';
import { defineNode } from '../sdk/define-node';
import { words } from '../sdk/field-words';
import type { NodeContext } from '../sdk/node-context';
import type { WaitAnswer } from '../sdk/wait-outcomes';

/** What a confirmation node keeps while it waits. */
const Waiting = z.object({
  kind: z.literal('confirmation'),
  since: z.number(),
  remindAt: z.number().nullable(),
  dueAt: z.number(),
  /** When the customer confirmed while the flow was away on the remind branch: it leaves by `confirmed` on return. */
  confirmedAt: z.number().optional(),
});

const readWaiting = (value: unknown) => {
  const parsed = Waiting.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

const config = z.strictObject({
  remindAfter: describeField(Duration.default('24h'), {
    title: words('Remind the assignee after', '多久后提醒处理人'),
    help: words('Goes out by "remind" once; coming back here keeps waiting.', '从“提醒”分支发出一次；回到本节点后继续等待。'),
  }),
  timeout: describeField(Duration.default('72h'), {
    title: words('Give up after', '超时时长'),
    help: words('e.g. 72h, 5d', '例如 72h、5d'),
  }),
  clock: ClockKind,
  calendar: CalendarPick,
});
type Config = z.output<typeof config>;

/**
 * Waits for the customer to confirm the resolution (`customer.confirmed`): `confirmed`; after
 * `remindAfter` (24 h by default) it goes out by `remind` once (wire it to a notify of the assignee
 * and back here: the wait goes on); after `timeout`, `timeout`. The request to the customer is the
 * reply placed before this node.
 */
export const confirmation = defineNode({
  type: 'confirmation',
  kind: 'wait',
  icon: 'check-check',
  title: { en: 'Customer confirmation', 'zh-CN': '客户确认' },
  description: {
    en: 'Waits for the customer to confirm the resolution; reminds the assignee after 24 h (configurable), then gives up.',
    'zh-CN': '等待客户确认解决结果；24 小时（可配置）后提醒处理人，再超时则放弃。',
  },
  config,
  outcomes: {
    ports: () => ['confirmed', 'remind', 'timeout'],
    events: () => ['customer.confirmed'] as const,
    enter: (ctx: NodeContext, c: Config, kept: unknown) => {
      const waiting = readWaiting(kept);
      if (waiting) return waiting;
      const now = ctx.now.getTime();
      const remind = dueAfter(ctx, now, parseDuration(c.remindAfter) ?? 0, c);
      const due = dueAfter(ctx, now, parseDuration(c.timeout) ?? 0, c);
      return { kind: 'confirmation', since: now, remindAt: remind < due ? remind : null, dueAt: due } satisfies z.infer<typeof Waiting>;
    },
    onEvent: (ctx: NodeContext): WaitAnswer | undefined => (ctx.event?.type === 'customer.confirmed' ? { port: 'confirmed' } : undefined),
    // Away on the remind branch (the reminder being sent) the customer may confirm: that counts on return.
    whileAway: (ctx: NodeContext, _c: Config, kept: unknown) => {
      const waiting = readWaiting(kept);
      if (!waiting || waiting.confirmedAt !== undefined || ctx.event?.type !== 'customer.confirmed') return kept;
      return { ...waiting, confirmedAt: ctx.now.getTime() };
    },
    onTimer: (ctx: NodeContext, _c: Config, memory: unknown): WaitAnswer => {
      const waiting = readWaiting(memory);
      if (waiting?.confirmedAt !== undefined) return { port: 'confirmed' };
      if (waiting && waiting.remindAt !== null && ctx.now.getTime() < waiting.dueAt)
        return { port: 'remind', keep: { ...waiting, remindAt: null } };
      return { port: 'timeout' };
    },
    dueAt: (_ctx: NodeContext, _c: Config, memory: unknown) => {
      const waiting = readWaiting(memory);
      return waiting ? (waiting.confirmedAt ?? waiting.remindAt ?? waiting.dueAt) : null;
    },
  },
  summary: (c: Config, locale: 'en' | 'zh-CN') =>
    locale === 'en'
      ? `customer confirms; remind after ${c.remindAfter}, give up after ${c.timeout}`
      : `等待客户确认；${c.remindAfter} 后提醒，${c.timeout} 后放弃`,
});
