import type { RolloutChange } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { appendAudit } from '../catalog/append-audit';
import type { Database } from '../db/schema';
import { deploymentValues, splitOf, type DeploymentState } from './deployment-state';

/** Audit kinds that make up a rollout's history. */
export const ROLLOUT_KINDS = ['flow.deployed', 'rollout.changed', 'rollout.promoted', 'rollout.rolled_back', 'rollout.ramped', 'rollout.guardrail_tripped', 'tickets.migrated'] as const satisfies readonly RolloutChange['kind'][];

export interface RolloutChangeRecord {
  readonly kind: RolloutChange['kind'];
  readonly actor: string;
  readonly at: Date;
  readonly reason?: string | undefined;
  readonly detail?: Record<string, unknown>;
}

/**
 * Writes a deployment's new state and audits the change (from what to what, who, why) in
 * the caller's transaction: the deployments row and its history never disagree.
 */
export async function writeDeployment(
  trx: Kysely<Database>,
  flowId: string,
  before: DeploymentState | null,
  after: DeploymentState,
  change: RolloutChangeRecord,
): Promise<void> {
  const values = deploymentValues(after);
  await trx
    .insertInto('deployments')
    .values({ flow_id: flowId, ...values })
    .onConflict((oc) => oc.column('flow_id').doUpdateSet(values))
    .execute();
  await appendAudit(trx, {
    at: change.at,
    actor: change.actor,
    kind: change.kind,
    flowId,
    detail: { from: before ? splitOf(before) : null, to: splitOf(after), reason: change.reason ?? null, ...change.detail },
  });
}
