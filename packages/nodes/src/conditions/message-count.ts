import { z } from 'zod';
import { defineNode } from '../sdk/define-node';

/** Compares the number of customer messages since the ticket was last opened. */
export const messageCount = defineNode({
  type: 'message_count',
  kind: 'condition',
  icon: 'messages-square',
  title: { en: 'Message count', 'zh-CN': '消息次数' },
  description: {
    en: 'Customer messages since the ticket was (re)opened; resolving it starts the count again.',
    'zh-CN': '工单（重新）打开以来的客户消息数；工单解决后重新计数。',
  },
  config: z.strictObject({ op: z.enum(['eq', 'gte']).default('eq'), count: z.number().int().min(1) }),
  evaluate: (ctx, config) =>
    config.op === 'eq' ? ctx.stats.customerMessages === config.count : ctx.stats.customerMessages >= config.count,
  summary: (config, locale) => `${locale === 'en' ? 'messages' : '消息数'} ${config.op === 'eq' ? '=' : '≥'} ${config.count}`,
});
