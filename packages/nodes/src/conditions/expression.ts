import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { evaluateBoolean, expressionInputs, expressionError, expressionPatternError, MAX_EXPRESSION_LENGTH } from '../sdk/expression';
import { words } from '../sdk/field-words';

/**
 * A CEL expression over ticket, stats, vars, event and now. `matches` runs on RE2 (linear
 * time), and each evaluation has a budget; past it the flow stops with an error naming the node.
 */
export const expression = defineNode({
  type: 'expression',
  kind: 'condition',
  icon: 'braces',
  title: { en: 'Expression', 'zh-CN': '表达式' },
  description: {
    en: 'A CEL expression, e.g. ticket.priority == "urgent" && stats.customerMessages >= 2. matches() takes RE2 patterns.',
    'zh-CN': 'CEL 表达式，例如 ticket.priority == "urgent" && stats.customerMessages >= 2。matches() 使用 RE2 正则语法。',
  },
  config: z.strictObject({
    expression: describeField(
      z
        .string()
        .min(1)
        .max(
          MAX_EXPRESSION_LENGTH,
          bilingual(`an expression may be at most ${MAX_EXPRESSION_LENGTH} characters long`, `表达式最多 ${MAX_EXPRESSION_LENGTH} 个字符`),
        )
        .superRefine((source, ctx) => {
          if (source.length > MAX_EXPRESSION_LENGTH) return;
          const error = expressionError(source);
          if (error) {
            ctx.addIssue({ code: 'custom', message: `invalid expression: ${error}` });
            return;
          }
          // A literal pattern of matches() is checked here; one computed at run time when it runs.
          const pattern = expressionPatternError(source);
          if (pattern) ctx.addIssue({ code: 'custom', message: pattern.en });
        }),
      {
        title: words('Expression', '表达式'),
        help: words(
          'True or false, e.g. ticket.priority == "urgent" && stats.customerMessages >= 2',
          '结果为真或假，例如 ticket.priority == "urgent" && stats.customerMessages >= 2',
        ),
        variables: 'expression',
      },
    ),
  }),
  evaluate: (ctx, config) => evaluateBoolean(config.expression, ctx),
  explain: (ctx, config) => ({ expression: config.expression, values: expressionInputs(config.expression, ctx) }),
  summary: (config) => config.expression,
});
