import { Guardrail, type GuardrailInput, type GuardrailMetric } from '@switchyard/api';
import type { MessageKey } from '../i18n/messages-en';

/** The metrics a guardrail can watch, in the order the picker lists them. */
export const GUARDRAIL_METRICS: readonly GuardrailMetric[] = ['errorRate', 'slaBreachRate', 'escalationRate'];

/** One guardrail as the form edits it: the numbers stay text until applied. */
export interface GuardrailRow {
  readonly metric: GuardrailMetric;
  /** Above a rate, or worse than stable's rate by some points. */
  readonly mode: 'above' | 'worseThanStableBy';
  readonly threshold: string;
  readonly minTickets: string;
}

/** What a new row starts with: error rate above 2% once 50 tickets are in (the server's default minimum). */
export const newGuardrailRow = (): GuardrailRow => ({ metric: 'errorRate', mode: 'above', threshold: '2', minTickets: '50' });

/** A guardrail of the server as a form row. */
export function guardrailRowOf(guardrail: Guardrail): GuardrailRow {
  const above = guardrail.above !== undefined;
  return {
    metric: guardrail.metric,
    mode: above ? 'above' : 'worseThanStableBy',
    threshold: String(above ? guardrail.above : (guardrail.worseThanStableBy ?? 0)),
    minTickets: String(guardrail.minTickets),
  };
}

/** The bad fields of a row, by field name, as message keys. */
export type GuardrailRowErrors = Partial<Record<'threshold' | 'minTickets', MessageKey>>;

/**
 * A row as the API takes it, or what is wrong with its fields (the same bounds as `Guardrail`).
 * @example readGuardrailRow({ metric: 'errorRate', mode: 'above', threshold: '2', minTickets: '50' }) // { guardrail: { metric: 'errorRate', above: 2, minTickets: 50 } }
 */
export function readGuardrailRow(row: GuardrailRow): { guardrail: GuardrailInput } | { errors: GuardrailRowErrors } {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const guardrail: GuardrailInput = { metric: row.metric, [row.mode]: number(row.threshold), minTickets: number(row.minTickets) };
  // The bounds are `Guardrail`'s, the schema the server checks the request with.
  const checked = Guardrail.safeParse(guardrail);
  if (checked.success) return { guardrail };
  const errors: GuardrailRowErrors = {};
  for (const issue of checked.error.issues) {
    if (issue.path[0] === 'minTickets') errors.minTickets = 'rollout.error.minTickets';
    else errors.threshold = 'rollout.error.threshold';
  }
  return { errors };
}
