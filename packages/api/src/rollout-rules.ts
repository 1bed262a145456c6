import { bilingual } from '@switchyard/flow';
import type { z } from 'zod';

/**
 * The rules of a rollout change that no one field's schema can say, kept as refinements of the
 * request schemas (`RolloutRequest`, `RampPlan`, `MigrateTicketsRequest`): the server, the editor
 * and the CLI refuse the same things. Each issue names its field and carries its rule in
 * `params.rule`, so a client can word it its own way (an option name, a form field).
 */
export type RolloutRule = 'sameVersion' | 'percentNeedsCandidate' | 'rampNeedsCandidate' | 'rampRise' | 'migrateSame';

/** The messages (bilingual: `translateMessage` gives the Chinese) and fields of each rule. */
export const ROLLOUT_RULES = {
  sameVersion: {
    path: 'candidate',
    message: bilingual(
      'the candidate must differ from the stable version (to send every ticket to one version, leave the candidate out)',
      '候选版须与稳定版不同（要让所有工单使用同一版本，请去掉候选版）',
    ),
  },
  percentNeedsCandidate: {
    path: 'percent',
    message: bilingual('a percentage needs a candidate version', '设置候选版占比需要先选择候选版'),
  },
  rampNeedsCandidate: { path: 'ramp', message: bilingual('a ramp plan needs a candidate version', '放量计划需要先选择候选版') },
  rampRise: {
    path: 'steps',
    message: bilingual('the ramp steps must rise (e.g. [10, 25, 50, 100])', '放量各步须递增（例如 [10, 25, 50, 100]）'),
  },
  migrateSame: {
    path: 'to',
    message: bilingual(
      'the target version must differ from the one the tickets are on ("from")',
      '目标版本须与工单当前所在版本（from）不同',
    ),
  },
} as const satisfies Record<RolloutRule, { path: string; message: string }>;

/** A rule's issue, on its field (`path` is relative to the object refined). */
export const ruleIssue = (rule: RolloutRule, input: unknown): z.core.$ZodRawIssue => ({
  code: 'custom',
  path: [ROLLOUT_RULES[rule].path],
  message: ROLLOUT_RULES[rule].message,
  params: { rule },
  input,
});

const RULES = new Set<string>(Object.keys(ROLLOUT_RULES));
const isRule = (value: unknown): value is RolloutRule => typeof value === 'string' && RULES.has(value);

/**
 * The rule an issue of a rollout schema broke; undefined for the plain field checks (a range, a type).
 * @example rolloutRuleOf(RolloutRequest.safeParse({ stable: 2, candidate: 2 }).error.issues[0]) // "sameVersion"
 */
export function rolloutRuleOf(issue: z.core.$ZodIssue): RolloutRule | undefined {
  if (issue.code !== 'custom') return undefined;
  const rule: unknown = issue.params?.rule;
  return isRule(rule) ? rule : undefined;
}
