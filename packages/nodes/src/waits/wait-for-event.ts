import { describeField, Duration, parseDuration, TicketEventType } from '@switchyard/flow';
import { z } from 'zod';
import { CalendarPick, ClockKind, dueAfter } from '../sdk/business-clock';
import { defineNode } from '../sdk/define-node';
import { describeStatuses, matchesStatus, StatusFilter } from '../triggers/status-filter';
import { EVENT_CHOICES, STATUS_CHOICES, words } from '../sdk/field-words';

/**
 * Waits for a ticket event, or times out. The timeout counts from entering this step,
 * or from the ticket's creation for SLA deadlines ("first reply within 4 h of creation").
 */
export const waitForEvent = defineNode({
  type: 'wait_for_event',
  kind: 'wait',
  icon: 'timer',
  title: { en: 'Wait for event', 'zh-CN': '等待事件' },
  description: {
    en: 'Waits for a ticket event; goes to "timeout" when it does not come in time. The timeout counts from this step or from ticket creation (SLA deadlines).',
    'zh-CN': '等待工单事件，超时未到则走“超时”分支；计时从本步骤或从工单创建起算（SLA 时限）。',
  },
  config: z.strictObject({
    event: describeField(TicketEventType, { title: words('Wait for', '等待的事件'), choices: EVENT_CHOICES }),
    /** For ticket.status: only this status (or one of these) ends the wait. */
    status: describeField(StatusFilter.optional(), {
      title: words('Only to', '只限变为'),
      help: words('Left empty: any status change ends the wait.', '留空则任意状态变更都结束等待。'),
      choices: STATUS_CHOICES,
      showWhen: { event: ['ticket.status'] },
    }),
    timeout: describeField(Duration, { title: words('Give up after', '超时时长'), help: words('e.g. 15m, 4h, 2d', '例如 15m、4h、2d') }),
    from: describeField(z.enum(['step', 'ticket_created']).default('step'), {
      title: words('Count from', '计时起点'),
      choices: { step: words('Reaching this step', '到达本步骤'), ticket_created: words('Ticket creation (SLA)', '工单创建（SLA）') },
    }),
    clock: ClockKind,
    calendar: CalendarPick,
  }),
  event: (config) => config.event,
  matches: (ctx, config) => matchesStatus(ctx, config.status),
  delayMs: (ctx, config) => {
    const timeout = parseDuration(config.timeout) ?? 0;
    const now = ctx.now.getTime();
    const from = config.from === 'step' ? now : Date.parse(ctx.ticket.createdAt);
    return Math.max(0, dueAfter(ctx, from, timeout, config) - now);
  },
  summary: (config, locale) =>
    locale === 'en'
      ? `wait for ${config.event}${config.status ? ` (${describeStatuses(config.status, locale)})` : ''}, ${config.timeout}${config.clock === 'business' ? ' business time' : ''}${config.from === 'ticket_created' ? ' after creation' : ''}`
      : `等待 ${config.event}${config.status ? `（${describeStatuses(config.status, locale)}）` : ''}，${config.from === 'ticket_created' ? '创建后 ' : ''}${config.timeout}${config.clock === 'business' ? '工作时间' : ''}`,
});
