import { describeField, type FieldText } from '@switchyard/flow';
import { z } from 'zod';
import { expressionError, MAX_EXPRESSION_LENGTH } from '../sdk/expression';

/**
 * An optional CEL condition field (empty: the node's default rule), checked when the flow validates.
 * @example pauseWhen: expressionField('ticket.status == "pending"', words('Pause while', '暂停条件'), words('…', '…'))
 */
export function expressionField(fallback: string, title: FieldText, help: FieldText) {
  return describeField(
    z
      .string()
      .max(MAX_EXPRESSION_LENGTH)
      .default(fallback)
      .superRefine((source, ctx) => {
        if (source.trim() === '') return;
        const error = expressionError(source);
        if (error) ctx.addIssue({ code: 'custom', message: `invalid expression: ${error}` });
      }),
    { title, help, variables: 'expression' },
  );
}
