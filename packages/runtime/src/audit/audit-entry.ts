import { GuardrailTrip, RampPlan, Guardrail, RolloutSplit } from '@switchyard/api';
import { TicketEvent } from '@switchyard/flow';
import { z } from 'zod';

/** Who, when, on which ticket and flow: what every audit entry carries besides its kind. */
const Base = {
  at: z.date(),
  actor: z.string(),
  ticketId: z.string().nullable(),
  flowId: z.string().nullable(),
};

/** One kind of entry: its name and the shape of its detail. */
function entry<K extends string, D extends z.ZodType>(kind: K, detail: D) {
  return z.object({ ...Base, kind: z.literal(kind), detail });
}

const Effect = { node: z.string(), idempotencyKey: z.string() };
/** A rollout change: the split before (null: first deploy) and after, why, and the deployment's revision (since migration 0005). */
const RolloutDetail = z.object({
  from: RolloutSplit.nullable(),
  to: RolloutSplit,
  reason: z.string().nullable(),
  revision: z.number().int().optional(),
  guardrails: z.array(Guardrail).readonly().optional(),
  ramp: RampPlan.nullable().optional(),
  trip: GuardrailTrip.optional(),
  step: z.number().int().optional(),
  steps: z.array(z.number()).readonly().optional(),
  /** A deploy's version and run-order place. */
  version: z.number().int().optional(),
  position: z.number().int().optional(),
});
/** Roster and skill saves record what was saved: an object with its id. */
const Saved = z.looseObject({ id: z.string() });

/**
 * Every entry of the audit log, by kind: one discriminated union, so a writer cannot build
 * a detail its readers do not know, and a renamed field fails to compile (or to parse, for
 * a row written before). `recordAudit` is its one writer; `readAuditRow` reads rows back.
 */
export const AuditEntry = z.discriminatedUnion('kind', [
  // Tickets and their runs (the worker and the ticket API).
  entry(
    'ticket.created',
    z.object({ number: z.string(), channel: z.string(), flows: z.array(z.object({ flowId: z.string(), version: z.number().int() })) }),
  ),
  entry('ticket.fault', z.object({ message: z.string() })),
  entry('event.received', z.object({ eventId: z.string(), event: TicketEvent })),
  entry('event.applied', z.object({ eventId: z.string(), type: z.string() })),
  entry(
    'flow.transition',
    z.object({
      event: z.string(),
      from: z.unknown(),
      to: z.unknown(),
      visits: z.array(z.string()),
      /** A wait's timeout fired before the event it waited for: an SLA breach (absent before migration 0006). */
      missedDeadline: z.boolean().optional(),
      /** Each condition passed: the port it answered and what it looked at (absent before issue 18). */
      decisions: z
        .array(z.object({ node: z.string(), answer: z.string(), inputs: z.record(z.string(), z.unknown()).optional() }))
        .optional(),
    }),
  ),
  entry(
    'action',
    z.object({
      node: z.string(),
      type: z.string(),
      params: z.record(z.string(), z.unknown()),
      /**
       * An assignment's view of the team: each online agent's open tickets as the action saw them
       * (absent before issue 20, and for other actions). Backtests replay the assignment with it.
       */
      load: z.record(z.string(), z.number().int()).optional(),
      /** What the action weighed: an assignment's candidates and why each was passed over (absent before issue 18). */
      inputs: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  entry('flow.error', z.object({ node: z.string().optional(), message: z.string() })),
  entry('timer.fired', z.object({ timerId: z.string() })),
  entry('effect.queued', z.object(Effect)),
  entry('effect.delivered', z.object({ ...Effect, attempt: z.number().int(), params: z.unknown() })),
  entry('effect.retry', z.object({ ...Effect, attempt: z.number().int(), error: z.string(), retryAt: z.string() })),
  entry('effect.dead', z.object({ ...Effect, attempts: z.number().int(), error: z.string() })),
  entry('flow.migrated', z.object({ from: z.number().int(), to: z.number().int() })),
  // Rollouts.
  entry('rollout.changed', RolloutDetail),
  entry('rollout.promoted', RolloutDetail),
  entry('rollout.rolled_back', RolloutDetail),
  entry('rollout.ramped', RolloutDetail),
  entry('rollout.guardrail_tripped', RolloutDetail),
  /** A version deployed as stable; rows written before rollouts had a split only name the version. */
  entry('flow.deployed', RolloutDetail.partial({ from: true, to: true, reason: true }).extend({ version: z.number().int() })),
  entry(
    'tickets.migrated',
    z.object({
      fromVersion: z.number().int(),
      toVersion: z.number().int(),
      count: z.number().int(),
      tickets: z.array(z.string()),
      reason: z.string().nullable(),
    }),
  ),
  // The catalog, the roster and secrets.
  entry('deployments.reordered', z.object({ from: z.array(z.string()), to: z.array(z.string()), reason: z.string().optional() })),
  entry('flow.created', z.object({ name: z.string() })),
  entry('flow.draft_saved', z.object({ errors: z.number().int(), revision: z.number().int().optional() })),
  entry('flow.published', z.object({ version: z.number().int(), revision: z.number().int().optional(), note: z.string().optional() })),
  entry('agent.saved', Saved),
  entry('group.saved', Saved),
  entry('skill.saved', Saved),
  entry('secret.saved', z.object({ name: z.string(), encrypted: z.boolean() })),
  entry('secret.deleted', z.object({ name: z.string() })),
  // People (issue 16): who created or changed an account or a token; never a password or a secret.
  entry('user.created', z.object({ userId: z.string(), email: z.string(), roles: z.array(z.string()) })),
  entry('user.changed', z.object({ userId: z.string(), email: z.string(), fields: z.array(z.string()) })),
  entry('token.created', z.object({ tokenId: z.string(), userId: z.string(), name: z.string(), roles: z.array(z.string()) })),
  entry('token.revoked', z.object({ tokenId: z.string(), userId: z.string(), name: z.string() })),
  // The service console (issue 18): an agent's or supervisor's action on a ticket, under their name.
  entry(
    'agent.action',
    z.object({
      action: z.enum(['take', 'release', 'transfer', 'note', 'escalate', 'step-in']),
      from: z.object({ group: z.string().nullable(), assignee: z.string().nullable(), level: z.number().int() }),
      to: z.object({ group: z.string().nullable(), assignee: z.string().nullable(), level: z.number().int() }),
      note: z.string().optional(),
      mentions: z.array(z.string()).optional(),
      cause: z.string().optional(),
      resolution: z.string().optional(),
    }),
  ),
  // Service levels (issue 21): a business calendar saved, with its groups and how many days it closes or adds.
  entry(
    'calendar.saved',
    z.object({ id: z.string(), groups: z.array(z.string()), holidays: z.number().int(), workdays: z.number().int() }),
  ),
]);
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditKind = AuditEntry['kind'];
/** The entry of one kind, e.g. `AuditOf<'action'>['detail']['type']`. */
export type AuditOf<K extends AuditKind> = Extract<AuditEntry, { kind: K }>;
/** A kind with its detail, without who and when: what a writer that fills those in itself takes. */
export type AuditFact = { [K in AuditKind]: { readonly kind: K; readonly detail: AuditOf<K>['detail'] } }[AuditKind];
