import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { evaluateBoolean, expressionError } from '../sdk/expression';

/** A CEL expression over ticket, stats, vars, event and now. */
export const expression = defineNode({
  type: 'expression',
  kind: 'condition',
  icon: 'braces',
  title: { en: 'Expression', 'zh-CN': '表达式' },
  description: {
    en: 'A CEL expression, e.g. ticket.priority == "urgent" && stats.customerMessages >= 2.',
    'zh-CN': 'CEL 表达式，例如 ticket.priority == "urgent" && stats.customerMessages >= 2。',
  },
  config: z.strictObject({
    expression: z
      .string()
      .min(1)
      .superRefine((source, ctx) => {
        const error = expressionError(source);
        if (error) ctx.addIssue({ code: 'custom', message: `invalid expression: ${error}` });
      }),
  }),
  evaluate: (ctx, config) => evaluateBoolean(config.expression, ctx),
  summary: (config) => config.expression,
});
