import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { describeField } from '@switchyard/flow';
import { words } from '../sdk/field-words';

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
  config: z.strictObject({
    op: describeField(z.enum(['eq', 'gte']).default('eq'), {
      title: words('Comparison', '比较方式'),
      choices: { eq: words('exactly', '恰好'), gte: words('at least', '至少') },
    }),
    count: describeField(z.number().int().min(1), { title: words('Messages', '消息数') }),
  }),
  evaluate: (ctx, config) =>
    config.op === 'eq' ? ctx.stats.customerMessages === config.count : ctx.stats.customerMessages >= config.count,
  explain: (ctx, config) => ({ messages: ctx.stats.customerMessages, op: config.op, count: config.count }),
  summary: (config, locale) => `${locale === 'en' ? 'messages' : '消息数'} ${config.op === 'eq' ? '=' : '≥'} ${config.count}`,
});
