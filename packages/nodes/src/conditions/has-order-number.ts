import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { findOrderNumber } from '../sdk/text-match';

/** True when the ticket has an order id, or "DD" followed by digits in its text. */
export const hasOrderNumber = defineNode({
  type: 'has_order_number',
  kind: 'condition',
  icon: 'hash',
  title: { en: 'Has order number', 'zh-CN': '有订单号' },
  description: {
    en: 'The ticket has an order id, or its text names one (DD followed by digits). Templates read it as {{orderNumber}}.',
    'zh-CN': '工单带订单号，或文本中有 DD 加数字的订单号。模板中用 {{orderNumber}} 引用。',
  },
  config: z.strictObject({}),
  evaluate: (ctx) => findOrderNumber(ctx.ticket) !== undefined,
  explain: (ctx) => ({ orderNumber: findOrderNumber(ctx.ticket) ?? null }),
});
