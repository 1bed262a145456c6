import type { Deployment } from '@switchyard/api';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { nextPosition, stateOf } from '../rollout/deployment-state';
import { type DeploymentChange, writeDeployment } from '../rollout/record-change';
import { inTransaction } from './in-transaction';

/**
 * Makes a published version the one every new ticket gets (stable, no candidate), as
 * seeding and `switchyard publish` do; rollouts with a candidate go through `setRollout`.
 * The flow keeps its place in the run order unless `position` is given; a flow deployed
 * for the first time runs after the others.
 * @example await deployVersion(ctx, 'intake', 3, 'alice');
 */
export async function deployVersion(
  ctx: RuntimeContext,
  flowId: string,
  version: number,
  actor: string,
  position?: number,
): Promise<Deployment> {
  if (!Number.isInteger(version) || version < 1)
    throw new RuntimeInputError('invalid request', 400, [{ path: 'version', message: 'expected a version number (1, 2, ...)' }]);
  if (position !== undefined && !Number.isInteger(position))
    throw new RuntimeInputError('invalid request', 400, [{ path: 'position', message: 'expected an integer' }]);
  return inTransaction(ctx.db, async (trx) => {
    const published = await trx
      .selectFrom('flow_versions')
      .select('version')
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!published) throw new NotFoundError('flow version', `${flowId}@${version}`);
    const row = await trx.selectFrom('deployments').selectAll().where('flow_id', '=', flowId).forUpdate().executeTakeFirst();
    const before = row ? stateOf(row) : null;
    const now = ctx.clock.now();
    const after: DeploymentChange = {
      stable: version,
      candidate: null,
      percent: 0,
      position: position ?? before?.position ?? (await nextPosition(trx)),
      guardrails: before?.guardrails ?? [],
      ramp: null,
      rampStep: -1,
      nextStepAt: null,
      tripped: null,
      updatedAt: now,
    };
    await writeDeployment(trx, flowId, before, after, {
      kind: 'flow.deployed',
      actor,
      at: now,
      detail: { version, position: after.position },
    });
    return { stable: version, candidate: null, percent: 0, position: after.position };
  });
}
