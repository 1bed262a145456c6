import { RolloutActionRequest, type Rollout } from '@switchyard/api';
import { inTransaction } from '../catalog/in-transaction';
import { parseInput } from '../catalog/invalid-input';
import type { RuntimeContext } from '../durable/runtime-context';
import { RuntimeInputError } from '../errors';
import { type DeploymentState, loadDeployment } from './deployment-state';
import { getRollout } from './get-rollout';
import { type DeploymentChange, writeDeployment } from './record-change';
import { rolloutConflict, requireWritten } from './rollout-conflict';
import { type DeployerCheck, requireOtherPublisher } from './two-person-rule';

/**
 * Makes the candidate the stable version (every new ticket gets it); the ramp plan ends.
 * Tickets bound to the old stable finish on it. 409 when there is no candidate, or when
 * `revision` is given and the deployment moved on since. With `deployer` (the two-person rule), a
 * candidate the deployer published throws `TwoPersonRuleViolation`.
 */
export async function promoteCandidate(
  ctx: RuntimeContext,
  flowId: string,
  input: RolloutActionRequest,
  actor: string,
  deployer?: DeployerCheck,
): Promise<Rollout> {
  const { reason, revision } = parseInput(RolloutActionRequest, input);
  await inTransaction(ctx.db, async (trx) => {
    const before = await loadDeployment(trx, flowId, 'lock');
    // A stale revision first: the candidate it saw may be the one that is gone.
    if (revision !== undefined && revision !== before.revision) throw await rolloutConflict(trx, flowId, revision);
    const candidate = requireCandidate(flowId, before, 'promote');
    await requireOtherPublisher(trx, flowId, [candidate], deployer);
    const now = ctx.clock.now();
    const after: DeploymentChange = {
      ...before,
      stable: candidate,
      candidate: null,
      percent: 0,
      rampStep: -1,
      nextStepAt: null,
      tripped: null,
      updatedAt: now,
    };
    await requireWritten(
      trx,
      flowId,
      await writeDeployment(trx, flowId, before, after, { kind: 'rollout.promoted', actor, at: now, reason }, revision),
      revision,
    );
  });
  return getRollout(ctx, flowId);
}

/**
 * Sends every new ticket to stable at once (percent 0) and stops the ramp plan; tickets
 * already on the candidate finish on it unless migrated. 409 when there is no candidate, or
 * when `revision` is given and the deployment moved on since.
 */
export async function rollBackCandidate(ctx: RuntimeContext, flowId: string, input: RolloutActionRequest, actor: string): Promise<Rollout> {
  const { reason, revision } = parseInput(RolloutActionRequest, input);
  await inTransaction(ctx.db, async (trx) => {
    const before = await loadDeployment(trx, flowId, 'lock');
    if (revision !== undefined && revision !== before.revision) throw await rolloutConflict(trx, flowId, revision);
    requireCandidate(flowId, before, 'roll back');
    const now = ctx.clock.now();
    const after: DeploymentChange = { ...before, percent: 0, nextStepAt: null, updatedAt: now };
    await requireWritten(
      trx,
      flowId,
      await writeDeployment(trx, flowId, before, after, { kind: 'rollout.rolled_back', actor, at: now, reason }, revision),
      revision,
    );
  });
  return getRollout(ctx, flowId);
}

function requireCandidate(flowId: string, state: DeploymentState, what: string): number {
  if (state.candidate === null)
    throw new RuntimeInputError(`flow ${flowId} has no candidate version to ${what}`, 409, [
      { path: 'candidate', message: 'no candidate' },
    ]);
  return state.candidate;
}
