import { bilingual, INPUT_LIMITS, parseDuration } from '@switchyard/flow';
import { z } from 'zod';
import { ErrorBody } from './error-body';
import { LocalizedText } from './node-catalog';
import { ruleIssue } from './rollout-rules';

const Percent = z.number().int().min(0).max(100);
const Version = z.number().int().min(1);
const Instant = z.iso.datetime({ offset: true });

/**
 * A deployment's revision: 1 when first deployed, one more on every change (a person's, a ramp
 * step, a guardrail's rollback). A change that names the revision it was made against is
 * refused with a 409 `RolloutConflict` once the deployment moved on; 0 means "not deployed yet".
 */
export const RolloutRevision = z.number().int().min(0).meta({ id: 'RolloutRevision' });

/** The rates a guardrail can watch, in percent of the tickets bound to a version. */
export const GuardrailMetric = z.enum(['errorRate', 'slaBreachRate', 'escalationRate']).meta({ id: 'GuardrailMetric' });
export type GuardrailMetric = z.infer<typeof GuardrailMetric>;

/**
 * Rolls the candidate back to 0% when its rate of `metric` is above `above` percent, or
 * worse than stable's by more than `worseThanStableBy` points, once the candidate has
 * `minTickets` tickets (fewer say nothing).
 */
export const Guardrail = z
  .strictObject({
    metric: GuardrailMetric,
    above: z.number().min(0).max(100).optional(),
    worseThanStableBy: z.number().min(0).max(100).optional(),
    minTickets: z.number().int().min(1).default(50),
  })
  .refine((g) => (g.above === undefined) !== (g.worseThanStableBy === undefined), {
    message: 'give exactly one of "above" (percent) or "worseThanStableBy" (points)',
  })
  .meta({ id: 'Guardrail' });
export type Guardrail = z.output<typeof Guardrail>;
export type GuardrailInput = z.input<typeof Guardrail>;

/** A duration as waits take it: "30m", "2h", "1d". */
const Duration = z
  .string()
  .max(INPUT_LIMITS.duration)
  .refine((text) => parseDuration(text) !== undefined, {
    message: bilingual(
      'expected a duration from 1s to a year, e.g. "30m", "2h", "1d"',
      '应为 1 秒到 1 年之间的时长，例如 "30m"、"2h"、"1d"',
    ),
  });

/** Percentages the candidate moves through by itself, one step per `every`, unless a guardrail trips. */
export const RampPlan = z
  .strictObject({
    steps: z.array(z.number().int().min(1).max(100)).min(1).max(20),
    every: Duration,
  })
  .check((ctx) => {
    const { steps } = ctx.value;
    if (!steps.every((p, i) => p > (steps[i - 1] ?? -Infinity))) ctx.issues.push(ruleIssue('rampRise', ctx.value));
  })
  .meta({ id: 'RampPlan' });
export type RampPlan = z.infer<typeof RampPlan>;

/**
 * PUT /api/flows/:id/rollout. Without a candidate every new ticket gets `stable`; with one,
 * `percent` % of new tickets (sticky per ticket) get the candidate. A ramp plan starts at
 * its first step when `percent` is not given.
 */
export const RolloutRequest = z
  .strictObject({
    stable: Version,
    candidate: Version.nullable().optional(),
    percent: Percent.optional(),
    guardrails: z.array(Guardrail).max(10).optional(),
    ramp: RampPlan.nullable().optional(),
    /** Why, for the history. */
    reason: z.string().max(500).optional(),
    /** The deployment's revision this change was made against (0: not deployed yet); omitted, the change applies whatever happened since. */
    revision: RolloutRevision.optional(),
  })
  .check((ctx) => {
    // Without a candidate (null or left out) every new ticket gets stable: no share, no ramp.
    const { stable, candidate, percent, ramp } = ctx.value;
    if (candidate != null && candidate === stable) ctx.issues.push(ruleIssue('sameVersion', ctx.value));
    if (candidate == null && percent !== undefined && percent > 0) ctx.issues.push(ruleIssue('percentNeedsCandidate', ctx.value));
    if (candidate == null && ramp) ctx.issues.push(ruleIssue('rampNeedsCandidate', ctx.value));
  })
  .meta({ id: 'RolloutRequest' });
export type RolloutRequest = z.input<typeof RolloutRequest>;

/** POST /api/flows/:id/rollout/promote and /rollback. */
export const RolloutActionRequest = z
  .strictObject({ reason: z.string().max(500).optional(), revision: RolloutRevision.optional() })
  .meta({ id: 'RolloutActionRequest' });
export type RolloutActionRequest = z.input<typeof RolloutActionRequest>;

/** The deployment's versions and share at one moment. */
export const RolloutSplit = z
  .object({ stable: z.number().int(), candidate: z.number().int().nullable(), percent: Percent })
  .meta({ id: 'RolloutSplit' });
export type RolloutSplit = z.infer<typeof RolloutSplit>;

/** A guardrail that rolled the candidate back: what it saw. */
export const GuardrailTrip = z
  .object({
    guardrail: Guardrail,
    /** The candidate's rate (percent) and, for a comparison, stable's. */
    candidateRate: z.number(),
    stableRate: z.number().nullable(),
    candidateTickets: z.number().int(),
    at: Instant,
  })
  .meta({ id: 'GuardrailTrip' });
export type GuardrailTrip = z.infer<typeof GuardrailTrip>;

export const RolloutChangeKind = z
  .enum([
    'rollout.changed',
    'rollout.promoted',
    'rollout.rolled_back',
    'rollout.ramped',
    'rollout.guardrail_tripped',
    'flow.deployed',
    'tickets.migrated',
  ])
  .meta({ id: 'RolloutChangeKind' });

/** One line of a rollout's history: who changed what, from what to what. */
export const RolloutChange = z
  .object({
    at: Instant,
    actor: z.string(),
    kind: RolloutChangeKind,
    from: RolloutSplit.nullable(),
    to: RolloutSplit.nullable(),
    reason: z.string().nullable(),
    /** Kind-specific: the tripped guardrail, the migrated tickets... */
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'RolloutChange' });
export type RolloutChange = z.infer<typeof RolloutChange>;

/** GET /api/flows/:id/rollout: the deployment, its plan and guardrails, and its history (newest first). */
export const Rollout = z
  .object({
    flowId: z.string(),
    stable: z.number().int(),
    candidate: z.number().int().nullable(),
    percent: Percent,
    position: z.number().int(),
    guardrails: z.array(Guardrail),
    ramp: RampPlan.extend({
      /** Index in `steps` of the share applied now; -1 before the first step. */
      step: z.number().int(),
      /** When the next step applies; null once the plan is done or stopped. */
      nextStepAt: Instant.nullable(),
    }).nullable(),
    /** The last guardrail that rolled this candidate back, until the rollout is changed again. */
    tripped: GuardrailTrip.nullable(),
    updatedAt: Instant,
    /** Send it back with the next change: a change made against an older one is refused (409). */
    revision: RolloutRevision,
    history: z.array(RolloutChange),
  })
  .meta({ id: 'Rollout' });
export type Rollout = z.infer<typeof Rollout>;

/**
 * The 409 of a rollout change whose `revision` is not the deployment's any more: the usual
 * error body plus the deployment now (null when it is not deployed), so a client shows what
 * changed before trying again.
 */
export const RolloutConflict = ErrorBody.extend({
  revision: RolloutRevision,
  rollout: Rollout.nullable(),
  /** The refusal in both languages, for people. */
  message: LocalizedText,
}).meta({ id: 'RolloutConflict' });
export type RolloutConflict = z.infer<typeof RolloutConflict>;

/** POST /api/flows/:id/rollout/migrate: move in-flight tickets of version `from` to `to` (all, or the listed ones). */
export const MigrateTicketsRequest = z
  .strictObject({
    from: Version,
    to: Version,
    tickets: z.array(z.string().min(1).max(INPUT_LIMITS.id)).min(1).max(10_000).optional(),
    reason: z.string().max(500).optional(),
    /** The deployment's revision the move was decided on; refused (409) once it moved on. */
    revision: RolloutRevision.optional(),
  })
  .check((ctx) => {
    if (ctx.value.from === ctx.value.to) ctx.issues.push(ruleIssue('migrateSame', ctx.value));
  })
  .meta({ id: 'MigrateTicketsRequest' });
export type MigrateTicketsRequest = z.input<typeof MigrateTicketsRequest>;

export const TicketsMigrated = z.object({ migrated: z.number().int(), tickets: z.array(z.string()) }).meta({ id: 'TicketsMigrated' });
export type TicketsMigrated = z.infer<typeof TicketsMigrated>;

/** A median duration with how many tickets it was taken over. */
const MedianMs = z.number().nullable();

/** GET /api/flows/:id/metrics: one version's numbers over the tickets bound to it. */
export const VersionMetrics = z
  .object({
    version: z.number().int(),
    role: z.enum(['stable', 'candidate', 'retired']),
    ticketsBound: z.number().int(),
    /** Tickets resolved or closed. */
    completed: z.number().int(),
    /** Tickets where this flow gave up an effect (dead-lettered) or stopped on an error. */
    errors: z.number().int(),
    /** Tickets where one of this flow's waits for an event timed out (a deadline passed). */
    slaBreaches: z.number().int(),
    /** Tickets this flow escalated. */
    escalations: z.number().int(),
    /** From the ticket's creation to the first message out to the customer. */
    firstResponseMedianMs: MedianMs,
    /** From the ticket's creation to resolved/closed. */
    resolutionMedianMs: MedianMs,
    csat: z.object({
      responses: z.number().int(),
      /** Mean score 1-5. */
      average: z.number().nullable(),
      /** Share of 4 and 5 scores, percent. */
      satisfiedPercent: z.number().nullable(),
    }),
    /** Percent of tickets bound. */
    rates: z.object({ completion: z.number(), error: z.number(), slaBreach: z.number(), escalation: z.number() }),
  })
  .meta({ id: 'VersionMetrics' });
export type VersionMetrics = z.infer<typeof VersionMetrics>;

/** Candidate minus stable with its 95% interval; `significant` when the interval leaves out 0. */
export const MetricDifference = z
  .object({
    metric: z.string(),
    /** percent points, ms, or score points. */
    unit: z.enum(['points', 'ms', 'score']),
    stable: z.number().nullable(),
    candidate: z.number().nullable(),
    difference: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    /** Two-sided p of a two-proportion z-test (rates) or Welch's z (CSAT); null for bootstrap intervals. */
    pValue: z.number().nullable(),
    method: z.enum(['two-proportion z-test', 'bootstrap', 'welch']),
    significant: z.boolean(),
    /** Whether the candidate is better (true), worse (false) or not clearly either (null). */
    better: z.boolean().nullable(),
  })
  .meta({ id: 'MetricDifference' });
export type MetricDifference = z.infer<typeof MetricDifference>;

export const FlowMetrics = z
  .object({
    flowId: z.string(),
    at: Instant,
    versions: z.array(VersionMetrics),
    /** Candidate against stable, when the flow has a candidate (or the `candidate` query names one). */
    comparison: z.object({ stable: z.number().int(), candidate: z.number().int(), differences: z.array(MetricDifference) }).nullable(),
  })
  .meta({ id: 'FlowMetrics' });
export type FlowMetrics = z.infer<typeof FlowMetrics>;

/** Something ops must know without watching: a guardrail that rolled back, a ramp that finished. */
export const OpsNotification = z
  .object({
    id: z.string(),
    at: Instant,
    kind: z.string(),
    flowId: z.string().nullable(),
    message: z.object({ en: z.string(), 'zh-CN': z.string() }),
    detail: z.record(z.string(), z.unknown()),
    /** Set once the ops webhook accepted it (null without a webhook or while retrying). */
    deliveredAt: Instant.nullable(),
  })
  .meta({ id: 'OpsNotification' });
export type OpsNotification = z.infer<typeof OpsNotification>;
export const OpsNotificationList = z.array(OpsNotification);
