import { type RampPlan, type Rollout, RolloutRequest, type RolloutRule, rolloutRuleOf } from '@switchyard/api';
import type { z } from 'zod';
import type { MessageKey } from '../i18n/messages-en';
import { type GuardrailRow, guardrailRowOf, readGuardrailRow } from './guardrail-form';

/** The rollout panel's form: versions, share, ramp, guardrails, reason. */
export interface RolloutForm {
  readonly stable: number;
  readonly candidate: number | null;
  readonly percent: number;
  /** "10, 25, 50, 100"; empty: no ramp. */
  readonly rampSteps: string;
  readonly rampEvery: string;
  readonly guardrails: readonly GuardrailRow[];
  readonly reason: string;
}

/** Bad fields by path (`percent`, `ramp.steps`, `guardrails.0.threshold`), as message keys. */
export type FormErrors = Readonly<Record<string, MessageKey>>;

/** The form showing the rollout as it is. */
export function formFromRollout(rollout: Rollout): RolloutForm {
  return {
    stable: rollout.stable,
    candidate: rollout.candidate,
    percent: rollout.percent,
    rampSteps: rollout.ramp ? rollout.ramp.steps.join(', ') : '',
    rampEvery: rollout.ramp?.every ?? '1h',
    guardrails: rollout.guardrails.map(guardrailRowOf),
    reason: '',
  };
}

/**
 * The ramp the form describes (null: none), or what is wrong with the text. Only the reading of
 * the text is checked here; the rules of a plan (range, rising steps, duration) are the schema's.
 */
function readRamp(form: RolloutForm): { ramp: RampPlan | null } | { errors: FormErrors } {
  if (form.rampSteps.trim() === '') return { ramp: null };
  const parts = form.rampSteps.split(/[\s,]+/).filter(Boolean);
  if (parts.some((p) => !/^\d+$/.test(p))) return { errors: { 'ramp.steps': 'rollout.error.rampSteps' } };
  return { ramp: { steps: parts.map(Number), every: form.rampEvery.trim() } };
}

/** The form's words for the rules both the server and the form keep (`RolloutRequest`'s refinements). */
const RULE_ERRORS: Partial<Record<RolloutRule, readonly [field: string, key: MessageKey]>> = {
  sameVersion: ['candidate', 'rollout.error.sameVersion'],
  percentNeedsCandidate: ['percent', 'rollout.error.percentNeedsCandidate'],
  rampNeedsCandidate: ['ramp.steps', 'rollout.error.rampNeedsCandidate'],
  rampRise: ['ramp.steps', 'rollout.error.rampRise'],
};

/** The form field and message of a field check the schema made (a range, a duration). */
function fieldError(path: readonly PropertyKey[]): readonly [field: string, key: MessageKey] {
  const [first, second, third] = path;
  if (first === 'ramp') return second === 'every' ? ['ramp.every', 'rollout.error.duration'] : ['ramp.steps', 'rollout.error.rampSteps'];
  if (first === 'guardrails' && third === 'minTickets') return [`guardrails.${String(second)}.minTickets`, 'rollout.error.minTickets'];
  if (first === 'guardrails') return [`guardrails.${String(second)}.threshold`, 'rollout.error.threshold'];
  return [String(first ?? 'stable'), 'rollout.fixFields'];
}

/** What `RolloutRequest` refuses of a request, by form field. */
function schemaErrors(error: z.ZodError): FormErrors {
  const errors: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const rule = rolloutRuleOf(issue);
    const [field, key] = (rule && RULE_ERRORS[rule]) ?? fieldError(issue.path);
    errors[field] ??= key;
  }
  return errors;
}

const sameRamp = (a: RampPlan | null, b: RampPlan | null) =>
  a === null || b === null ? a === b : a.every === b.every && a.steps.join() === b.steps.join();

/**
 * The share and ramp part of the PUT body. The server keeps a running ramp only while the
 * request leaves both the share and the ramp out, so: nothing when neither changed; the plan
 * again with the new share when the share changed (it goes on from there); a new plan without a
 * share when only the plan changed (it starts at its first step); null to stop it.
 */
function shareAndRamp(form: RolloutForm, ramp: RampPlan | null, current: Rollout): Pick<RolloutRequest, 'percent' | 'ramp'> {
  const running = current.ramp && { steps: current.ramp.steps, every: current.ramp.every };
  if (ramp === null) return { percent: form.percent, ...(running ? { ramp: null } : {}) };
  const shareChanged = form.percent !== current.percent || form.candidate !== current.candidate;
  if (!shareChanged && sameRamp(ramp, running)) return {};
  return { ramp, ...(shareChanged ? { percent: form.percent } : {}) };
}

/**
 * The PUT body for the form, or its bad fields: versions and guardrails as shown, the share
 * and ramp as `shareAndRamp` says, the reason when given.
 * @example buildRolloutRequest({ ...formFromRollout(rollout), candidate: 2, percent: 10 }, rollout) // { request: { stable, candidate: 2, percent: 10, guardrails: [] } }
 */
export function buildRolloutRequest(form: RolloutForm, current: Rollout): { request: RolloutRequest } | { errors: FormErrors } {
  const errors: Record<string, MessageKey> = {};
  const ramp = readRamp(form);
  if ('errors' in ramp) Object.assign(errors, ramp.errors);
  const guardrails = form.guardrails.map((row, index) => {
    const read = readGuardrailRow(row);
    if ('errors' in read) for (const [field, key] of Object.entries(read.errors)) errors[`guardrails.${index}.${field}`] = key;
    return 'guardrail' in read ? read.guardrail : null;
  });
  if (Object.keys(errors).length > 0 || 'errors' in ramp) return { errors };
  const reason = form.reason.trim();
  const request: RolloutRequest = {
    stable: form.stable,
    candidate: form.candidate,
    ...shareAndRamp(form, ramp.ramp, current),
    guardrails: guardrails.filter((g) => g !== null),
    ...(reason ? { reason } : {}),
  };
  // The server's own schema decides what may be sent: the form refuses what the server would.
  const checked = RolloutRequest.safeParse(request);
  return checked.success ? { request } : { errors: schemaErrors(checked.error) };
}
