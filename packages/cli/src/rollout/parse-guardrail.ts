import { GuardrailMetric, type GuardrailInput } from '@switchyard/api';

/** Why a `--guardrail` text is not a guardrail; `rolloutMessages` words it. */
export type GuardrailProblem =
  | { readonly code: 'syntax' }
  | { readonly code: 'metric'; readonly metric: string }
  | { readonly code: 'over100'; readonly value: number }
  | { readonly code: 'minTickets' };

const SYNTAX = /^(?<metric>[A-Za-z]+)>(?<worse>\+)?(?<value>\d+(?:\.\d+)?)(?:@(?<min>\d+))?$/;

/**
 * Reads one `--guardrail`: `<metric>><percent>` (the candidate's rate is above that percent),
 * `<metric>>+<points>` (worse than stable's by more than that many points), either with
 * `@<minTickets>` (default: the server's, 50).
 * @example parseGuardrail('errorRate>2') // { guardrail: { metric: 'errorRate', above: 2 } }
 * @example parseGuardrail('slaBreachRate>+5@200') // { guardrail: { metric: 'slaBreachRate', worseThanStableBy: 5, minTickets: 200 } }
 */
export function parseGuardrail(text: string): { guardrail: GuardrailInput } | { problem: GuardrailProblem } {
  const match = SYNTAX.exec(text.replace(/\s+/g, ''))?.groups;
  if (!match) return { problem: { code: 'syntax' } };
  const metric = GuardrailMetric.safeParse(match.metric);
  if (!metric.success) return { problem: { code: 'metric', metric: match.metric ?? '' } };
  const value = Number(match.value);
  if (value > 100) return { problem: { code: 'over100', value } };
  const minTickets = match.min === undefined ? undefined : Number(match.min);
  if (minTickets === 0) return { problem: { code: 'minTickets' } };
  return {
    guardrail: {
      metric: metric.data,
      ...(match.worse ? { worseThanStableBy: value } : { above: value }),
      ...(minTickets === undefined ? {} : { minTickets }),
    },
  };
}

/**
 * A guardrail written as `parseGuardrail` reads it, for printing.
 * @example formatGuardrail({ metric: 'errorRate', above: 2, minTickets: 50 }) // "errorRate>2@50"
 */
export function formatGuardrail(guardrail: GuardrailInput): string {
  const threshold = guardrail.above !== undefined ? `${guardrail.above}` : `+${guardrail.worseThanStableBy ?? 0}`;
  return `${guardrail.metric}>${threshold}${guardrail.minTickets === undefined ? '' : `@${guardrail.minTickets}`}`;
}
