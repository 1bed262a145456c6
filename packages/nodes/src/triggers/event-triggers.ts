import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { describeStatuses, matchesStatus, StatusFilter } from './status-filter';
import { describeField } from '@switchyard/flow';
import { STATUS_CHOICES, words } from '../sdk/field-words';

/** Starts a run when a ticket is created, from any channel. */
export const ticketCreated = defineNode({
  type: 'ticket_created',
  kind: 'trigger',
  event: 'ticket.created',
  icon: 'inbox',
  title: { en: 'Ticket created', 'zh-CN': '新建工单' },
  description: { en: 'A new ticket arrives from any channel.', 'zh-CN': '任一渠道进来新工单时触发。' },
  config: z.strictObject({}),
});

/** Starts a run on each customer message. */
export const customerMessage = defineNode({
  type: 'customer_message',
  kind: 'trigger',
  event: 'customer.message',
  icon: 'message-circle',
  title: { en: 'Customer message', 'zh-CN': '客户消息' },
  description: { en: 'The customer writes on the ticket.', 'zh-CN': '客户在工单中发来消息时触发。' },
  config: z.strictObject({}),
});

/** Starts a run on each agent reply. */
export const agentReply = defineNode({
  type: 'agent_reply',
  kind: 'trigger',
  event: 'agent.reply',
  icon: 'headset',
  title: { en: 'Agent reply', 'zh-CN': '客服回复' },
  description: {
    en: 'An agent replies on the ticket.',
    'zh-CN': '客服在工单中回复时触发。',
  },
  config: z.strictObject({}),
});

/** Starts a run when the ticket's status changes, optionally only to one status or one of a list. */
export const statusChanged = defineNode({
  type: 'status_changed',
  kind: 'trigger',
  event: 'ticket.status',
  icon: 'refresh-cw',
  title: { en: 'Status changed', 'zh-CN': '状态变更' },
  description: {
    en: "The ticket's status changes, optionally only to the listed statuses (by an agent or by a flow).",
    'zh-CN': '工单状态变更时触发，可只限指定状态（坐席或流程改的都算）。',
  },
  config: z.strictObject({
    status: describeField(StatusFilter.optional(), {
      title: words('Only to', '只限变为'),
      help: words('Left empty: any status.', '留空则任意状态都触发。'),
      choices: STATUS_CHOICES,
    }),
  }),
  matches: (ctx, config) => matchesStatus(ctx, config.status),
  summary: (config, locale) => {
    if (config.status === undefined) return locale === 'en' ? 'any status' : '任意状态';
    return locale === 'en' ? `to ${describeStatuses(config.status, locale)}` : `变为 ${describeStatuses(config.status, locale)}`;
  },
});

/** Starts a run when the customer answers a satisfaction survey. */
export const surveyResponse = defineNode({
  type: 'survey_response',
  kind: 'trigger',
  event: 'survey.response',
  icon: 'star',
  title: { en: 'Survey answered', 'zh-CN': '满意度回复' },
  description: {
    en: 'The customer answers a satisfaction survey, optionally only at or below a score.',
    'zh-CN': '客户回复满意度调查时触发，可只限不高于某分数。',
  },
  config: z.strictObject({
    maxScore: describeField(z.number().int().min(1).max(5).optional(), {
      title: words('Only scores up to', '只限分数不高于'),
      help: words('1 to 5; left empty: every answer.', '1 到 5；留空则每次回复都触发。'),
    }),
  }),
  matches: (ctx, config) => config.maxScore === undefined || (ctx.event?.type === 'survey.response' && ctx.event.score <= config.maxScore),
});
