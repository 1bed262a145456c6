import { describeField, Duration, parseDuration, TicketEventType } from '@switchyard/flow';
import { z } from 'zod';
import { CalendarPick, ClockKind, dueAfter, elapsedBetween } from '../sdk/business-clock';
import { defineNode } from '../sdk/define-node';
import { evaluateBoolean } from '../sdk/expression';
import { words } from '../sdk/field-words';
import type { NodeContext } from '../sdk/node-context';
import { expressionField } from './expression-field';
import { nextFiring, pauseClock, readSlaClock, resumeClock, type SlaClock, type SlaCounter, SlaTarget, startClock } from './sla-clock';

const target = (en: string, zh: string, fallback: string) =>
  describeField(Duration.default(fallback), { title: words(en, zh), help: words('e.g. 2h, 8h, 1d', '例如 2h、8h、1d') });
const vipTarget = (en: string, zh: string) =>
  describeField(Duration.optional(), {
    title: words(en, zh),
    help: words('For VIP customers; left empty: the same as for everyone.', '用于 VIP 客户；留空则与普通客户相同。'),
  });

const config = z.strictObject({
  target: describeField(SlaTarget.default('first_response'), {
    title: words('Measures', '考核指标'),
    choices: {
      first_response: words('First response', '首次响应'),
      next_response: words('Next response', '下次响应'),
      periodic_update: words('Periodic update', '定期更新'),
      resolution: words('Resolution', '解决'),
    },
  }),
  urgent: target('Urgent tickets within', '紧急工单时限', '2h'),
  high: target('High-priority tickets within', '高优先级工单时限', '4h'),
  normal: target('Normal tickets within', '普通工单时限', '8h'),
  vipUrgent: vipTarget('VIP urgent within', 'VIP 紧急工单时限'),
  vipHigh: vipTarget('VIP high within', 'VIP 高优先级工单时限'),
  vipNormal: vipTarget('VIP normal within', 'VIP 普通工单时限'),
  from: describeField(z.enum(['step', 'ticket_created']).default('step'), {
    title: words('Clock starts at', '计时起点'),
    choices: { step: words('Reaching this step', '到达本步骤'), ticket_created: words('Ticket creation', '工单创建') },
  }),
  clock: ClockKind,
  calendar: CalendarPick,
  warnBefore: describeField(Duration.optional(), {
    title: words('Warn when this much is left', '剩余多少时预警'),
    help: words(
      'Goes out by "warning", and continues when the flow comes back here. Empty: no warning.',
      '从“预警”分支发出，流程回到本节点时继续计时；留空则不预警。',
    ),
  }),
  pauseWhen: expressionField(
    'ticket.status == "pending"',
    words('Pause while', '暂停条件'),
    words(
      'While true the clock stands still; when it turns false again the clock goes on with the time it had left.',
      '条件为真时计时暂停；再次为假时按剩余时间继续计时。',
    ),
  ),
  stopWhen: expressionField(
    '',
    words('Met when', '达标条件'),
    words(
      'Left empty: an agent reply (responses, updates), or the ticket resolved or closed (resolution).',
      '留空则：客服回复（响应、更新类），或工单已解决/已关闭（解决类）。',
    ),
  ),
});
type Config = z.output<typeof config>;

const DEFAULT_STOP: Record<SlaTarget, string> = {
  first_response: 'event.type == "agent.reply"',
  next_response: 'event.type == "agent.reply"',
  periodic_update: 'event.type == "agent.reply"',
  resolution: 'ticket.status == "resolved" || ticket.status == "closed"',
};

/** The target for this ticket: by priority, the VIP column when the customer is VIP and it is set. */
export function budgetFor(ctx: NodeContext, c: Config): number {
  const vip = ctx.ticket.customer.tier === 'vip';
  const text =
    ctx.ticket.priority === 'urgent'
      ? (vip && c.vipUrgent) || c.urgent
      : ctx.ticket.priority === 'high'
        ? (vip && c.vipHigh) || c.high
        : (vip && c.vipNormal) || c.normal;
  return parseDuration(text) ?? 0;
}

const counterOf = (ctx: NodeContext, c: Config): SlaCounter => ({
  after: (from, ms) => dueAfter(ctx, from, ms, c),
  between: (from, to) => elapsedBetween(ctx, from, to, c),
});
const warnMsOf = (c: Config) => (c.warnBefore ? (parseDuration(c.warnBefore) ?? 0) : 0);
const paused = (ctx: NodeContext, c: Config) => c.pauseWhen.trim() !== '' && evaluateBoolean(c.pauseWhen, ctx);
const stopped = (ctx: NodeContext, c: Config) => evaluateBoolean(c.stopWhen.trim() === '' ? DEFAULT_STOP[c.target] : c.stopWhen, ctx);

/** The clock after the pause rule was asked at `now`: paused while it holds, running again once it does not. */
function followPauseRule(ctx: NodeContext, c: Config, clock: SlaClock): SlaClock {
  const counter = counterOf(ctx, c);
  const now = ctx.now.getTime();
  const hold = paused(ctx, c);
  if (hold && clock.state === 'running') return pauseClock(clock, now, counter);
  if (!hold && clock.state === 'paused') return resumeClock(clock, now, counter);
  return clock;
}

/**
 * An SLA policy (issue 21): a clock with a target per priority and customer tier, counted in clock
 * or business time; it pauses while `pauseWhen` holds (by default while the ticket is `pending`,
 * waiting on the customer) and resumes with the time it had left; goes out by `met` when
 * `stopWhen` holds, `warning` when little is left, `breach` at the deadline. Coming back after the
 * warning continues the same clock, so escalation ladders are drawn as edges.
 */
export const slaPolicy = defineNode({
  type: 'sla_policy',
  kind: 'wait',
  icon: 'alarm-clock',
  title: { en: 'SLA policy', 'zh-CN': 'SLA 策略' },
  description: {
    en: 'A service-level clock: targets per priority and tier, paused while waiting on the customer, with met / warning / breach branches.',
    'zh-CN': '服务等级计时：按优先级和客户等级设定时限，等待客户期间暂停，分为达标 / 预警 / 违约分支。',
  },
  config,
  outcomes: {
    ports: (c) => (c.warnBefore ? ['met', 'warning', 'breach'] : ['met', 'breach']),
    events: () => TicketEventType.options.filter((e) => e !== 'ticket.created'),
    enter: (ctx, c, kept) => {
      const counter = counterOf(ctx, c);
      const now = ctx.now.getTime();
      const running = readSlaClock(kept);
      // Met while away on the warning branch: its timer fires at once and it leaves by `met`.
      if (running?.metAt !== undefined) return running;
      const clock = running ?? startClock(c.target, budgetFor(ctx, c), c.from === 'step' ? now : Date.parse(ctx.ticket.createdAt), counter);
      // Entered (or come back) while the ticket is waiting on the customer: the clock stands still from now.
      return followPauseRule(ctx, c, clock);
    },
    onEvent: (ctx, c, memory) => {
      const clock = readSlaClock(memory);
      if (!clock) return undefined;
      if (stopped(ctx, c)) return { port: 'met' };
      const next = followPauseRule(ctx, c, clock);
      return next === clock ? undefined : { stay: next };
    },
    // Away on the warning branch the clock still follows the ticket: a stop, a pause or a resume then counts on return.
    whileAway: (ctx, c, kept) => {
      const clock = readSlaClock(kept);
      if (!clock || clock.metAt !== undefined) return kept;
      if (stopped(ctx, c)) return { ...clock, metAt: ctx.now.getTime() };
      return followPauseRule(ctx, c, clock);
    },
    onTimer: (ctx, c, memory) => {
      const clock = readSlaClock(memory);
      if (clock?.metAt !== undefined) return { port: 'met' };
      if (clock && warnMsOf(c) > 0 && !clock.warned && clock.dueAt !== null && ctx.now.getTime() < clock.dueAt) {
        return { port: 'warning', keep: { ...clock, warned: true } };
      }
      return { port: 'breach' };
    },
    dueAt: (ctx, c, memory) => {
      const clock = readSlaClock(memory);
      return clock ? nextFiring(clock, warnMsOf(c), counterOf(ctx, c)) : null;
    },
  },
  summary: (c, locale) =>
    locale === 'en'
      ? `${c.target.replace('_', ' ')}: urgent ${c.urgent}, high ${c.high}, normal ${c.normal}${c.clock === 'business' ? ' (business time)' : ''}`
      : `${{ first_response: '首次响应', next_response: '下次响应', periodic_update: '定期更新', resolution: '解决' }[c.target]}：紧急 ${c.urgent}，高 ${c.high}，普通 ${c.normal}${c.clock === 'business' ? '（工作时间）' : ''}`,
});
