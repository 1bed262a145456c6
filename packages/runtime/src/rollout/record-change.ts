import type { RolloutChange } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { AuditOf } from '../audit/audit-entry';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import { deploymentValues, splitOf, type DeploymentState } from './deployment-state';

/** Audit kinds that make up a rollout's history. */
export const ROLLOUT_KINDS = [
  'flow.deployed',
  'rollout.changed',
  'rollout.promoted',
  'rollout.rolled_back',
  'rollout.ramped',
  'rollout.guardrail_tripped',
  'tickets.migrated',
] as const satisfies readonly RolloutChange['kind'][];

/** The audit kinds a deployment change writes (the history also shows `tickets.migrated`). */
export type DeploymentChangeKind = Exclude<RolloutChange['kind'], 'tickets.migrated'>;

/** What a rollout change's audit detail may add to from, to, reason and revision. */
type ChangeExtras = Omit<AuditOf<'rollout.changed'>['detail'], 'from' | 'to' | 'reason' | 'revision'>;

export interface RolloutChangeRecord {
  readonly kind: DeploymentChangeKind;
  readonly actor: string;
  readonly at: Date;
  readonly reason?: string | undefined;
  readonly detail?: ChangeExtras;
}

/** A deployment's next state; its revision is the one after the row's. */
export type DeploymentChange = Omit<DeploymentState, 'revision'>;

/**
 * Writes a deployment's new state as its next revision and audits the change (from what to
 * what, who, why) in the caller's transaction: the deployments row and its history never
 * disagree. The write is a compare-and-set on the revision in its WHERE: against
 * `expectedRevision` when the caller names one (0: not deployed yet), else against `before`'s.
 * Answers the new revision, or null when the row is not at the revision compared against
 * (someone changed it in between): then nothing was written.
 */
export async function writeDeployment(
  trx: Kysely<Database>,
  flowId: string,
  before: DeploymentState | null,
  after: DeploymentChange,
  change: RolloutChangeRecord,
  expectedRevision?: number,
): Promise<number | null> {
  const values = deploymentValues(after);
  const expected = expectedRevision ?? before?.revision;
  // The caller saw a deployment that is not there: nothing it decided on still holds.
  if (before === null && expected !== undefined && expected !== 0) return null;
  const written =
    before === null
      ? await trx
          .insertInto('deployments')
          .values({ flow_id: flowId, ...values })
          .onConflict((oc) => {
            // Deployed in between by someone who did not lock (no row to lock before the first deploy).
            const update = oc.column('flow_id').doUpdateSet((eb) => ({ ...values, revision: eb('deployments.revision', '+', 1) }));
            return expected === undefined ? update : update.where('deployments.revision', '=', expected);
          })
          .returning('revision')
          .executeTakeFirst()
      : await trx
          .updateTable('deployments')
          .set((eb) => ({ ...values, revision: eb('revision', '+', 1) }))
          .where('flow_id', '=', flowId)
          .where('revision', '=', expectedRevision ?? before.revision)
          .returning('revision')
          .executeTakeFirst();
  if (!written) return null;
  const base = { at: change.at, actor: change.actor, ticketId: null, flowId };
  const detail = {
    ...change.detail,
    from: before ? splitOf(before) : null,
    to: splitOf(after),
    reason: change.reason ?? null,
    revision: written.revision,
  };
  await recordAudit(
    trx,
    change.kind === 'flow.deployed'
      ? { ...base, kind: change.kind, detail: { ...detail, version: after.stable } }
      : { ...base, kind: change.kind, detail },
  );
  return written.revision;
}
