import { type GuardrailInput, type RampPlan, type Rollout, RolloutRequest, rolloutRuleOf } from '@switchyard/api';
import { type Locale, translateMessage } from '@switchyard/flow';
import { CliInputError } from '../cli-input-error';
import { parseGuardrail } from './parse-guardrail';
import { type MigrateVersions, parseMigrate } from './parse-migrate';
import { parseRamp } from './parse-ramp';
import { rolloutMessages } from './rollout-messages';

/** The options of `switchyard rollout` as `parseArgs` gives them. */
export interface RolloutOptionValues {
  readonly stable?: string;
  readonly candidate?: string;
  readonly percent?: string;
  readonly ramp?: string;
  readonly every?: string;
  readonly guardrail?: readonly string[];
  readonly reason?: string;
  readonly rollback?: boolean;
  readonly migrate?: string;
}

/** What the options ask to change; absent fields stay as the server has them. */
export interface RolloutChange {
  readonly stable?: number;
  readonly candidate?: number | null;
  readonly percent?: number;
  readonly guardrails?: readonly GuardrailInput[];
  readonly ramp?: RampPlan | null;
  readonly reason?: string;
}

/** What `switchyard rollout` will do. */
export type RolloutPlan =
  | { readonly kind: 'show' }
  | { readonly kind: 'rollback'; readonly reason?: string }
  | { readonly kind: 'migrate'; readonly versions: MigrateVersions; readonly reason?: string }
  | { readonly kind: 'change'; readonly change: RolloutChange };

const CHANGE_OPTIONS = ['stable', 'candidate', 'percent', 'ramp', 'every', 'guardrail'] as const;

/**
 * Reads the options into a plan before anything is sent; every bad option is reported at once
 * (a `CliInputError`, exit 2), each message naming its option.
 * @example rolloutPlan({ candidate: '2', percent: '10' }, 'en') // { kind: 'change', change: { candidate: 2, percent: 10 } }
 */
export function rolloutPlan(values: RolloutOptionValues, locale: Locale): RolloutPlan {
  const m = rolloutMessages(locale);
  const given = CHANGE_OPTIONS.filter((name) => values[name] !== undefined);
  const withReason = values.reason === undefined ? {} : { reason: values.reason };
  if (values.migrate !== undefined) {
    // Migrating moves tickets already bound; mixing it with a change of the split would hide which did what.
    const others = [...(values.rollback ? ['--rollback'] : []), ...given.map((name) => `--${name}`)];
    if (others.length > 0) throw new CliInputError(m.migrateAlone(others));
    const parsed = parseMigrate(values.migrate);
    if ('problem' in parsed) throw new CliInputError(m.migrateProblem(parsed.problem, values.migrate));
    return { kind: 'migrate', versions: parsed.versions, ...withReason };
  }
  if (values.rollback) {
    if (given.length > 0) throw new CliInputError(m.rollbackAlone(given.map((name) => `--${name}`)));
    return { kind: 'rollback', ...withReason };
  }
  if (given.length === 0) {
    if (values.reason !== undefined) throw new CliInputError(m.reasonAlone);
    return { kind: 'show' };
  }
  const problems: string[] = [];
  const change: { -readonly [K in keyof RolloutChange]: RolloutChange[K] } = {};
  if (values.stable !== undefined) {
    const stable = wholeNumber(values.stable, 1);
    if (stable === undefined) problems.push(m.badVersion('--stable', values.stable));
    else change.stable = stable;
  }
  if (values.candidate !== undefined) {
    const candidate = values.candidate === 'none' ? null : wholeNumber(values.candidate, 1);
    if (candidate === undefined) problems.push(m.badCandidate(values.candidate));
    else change.candidate = candidate;
  }
  if (values.percent !== undefined) {
    const percent = wholeNumber(values.percent.replace(/%$/, ''), 0);
    if (percent === undefined || percent > 100) problems.push(m.badPercent(values.percent));
    else change.percent = percent;
  }
  if (values.ramp !== undefined) {
    const ramp = parseRamp(values.ramp, values.every);
    if ('problem' in ramp) problems.push(m.rampProblem(ramp.problem, values.ramp, values.every));
    else change.ramp = ramp.plan;
  } else if (values.every !== undefined) problems.push(m.everyWithoutRamp);
  if (values.guardrail !== undefined) {
    const guardrails: GuardrailInput[] = [];
    // `--guardrail none` clears them: an empty list is the only way to say "no guardrails".
    for (const text of values.guardrail.filter((g) => g !== 'none')) {
      const parsed = parseGuardrail(text);
      if ('problem' in parsed) problems.push(m.guardrailProblem(parsed.problem, text));
      else guardrails.push(parsed.guardrail);
    }
    change.guardrails = guardrails;
  }
  if (problems.length > 0) throw new CliInputError(problems);
  if (values.reason !== undefined) change.reason = values.reason;
  return { kind: 'change', change };
}

/**
 * The PUT body for a change on top of the current rollout (undefined: the flow is not deployed).
 * The stable version and the candidate stay as they are unless the options name others.
 * @example rolloutRequest(current, { percent: 25 }, 'en') // { stable: current.stable, candidate: current.candidate, percent: 25 }
 */
export function rolloutRequest(current: Rollout | undefined, change: RolloutChange, flowId: string, locale: Locale): RolloutRequest {
  const m = rolloutMessages(locale);
  const stable = change.stable ?? current?.stable;
  if (stable === undefined) throw new CliInputError(m.notDeployedNeedStable(flowId));
  const candidate = change.candidate !== undefined ? change.candidate : (current?.candidate ?? null);
  const request: RolloutRequest = {
    stable,
    candidate,
    ...(change.percent === undefined ? {} : { percent: change.percent }),
    ...(change.guardrails === undefined ? {} : { guardrails: [...change.guardrails] }),
    ...(change.ramp === undefined ? {} : { ramp: change.ramp }),
    ...(change.reason === undefined ? {} : { reason: change.reason }),
  };
  // The server's own schema decides what may be sent; its rules are worded here by option.
  const checked = RolloutRequest.safeParse(request);
  if (checked.success) return request;
  throw new CliInputError(
    checked.error.issues.map((issue) => {
      const rule = rolloutRuleOf(issue);
      if (rule === 'percentNeedsCandidate') return m.percentWithoutCandidate;
      const option =
        rule === 'sameVersion' ? '--candidate' : rule === 'rampNeedsCandidate' ? '--ramp' : `--${String(issue.path[0] ?? 'stable')}`;
      return `${option}${locale === 'zh-CN' ? '：' : ': '}${translateMessage(issue.message, locale)}`;
    }),
  );
}

function wholeNumber(text: string, min: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= min ? value : undefined;
}
