import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import type { DeploymentView } from './flow-views';
import { inTransaction } from './in-transaction';

/**
 * Makes a published version the one every new ticket gets (stable, no candidate). The
 * flow keeps its place in the run order unless `position` is given; a flow deployed for
 * the first time runs after the others. The rollout issue adds candidates and percentages.
 * @example await deployVersion(ctx, 'intake', 3, 'alice');
 */
export async function deployVersion(
  ctx: RuntimeContext,
  flowId: string,
  version: number,
  actor: string,
  position?: number,
): Promise<DeploymentView> {
  if (!Number.isInteger(version) || version < 1) throw new RuntimeInputError('invalid request', 400, [{ path: 'version', message: 'expected a version number (1, 2, ...)' }]);
  if (position !== undefined && !Number.isInteger(position)) throw new RuntimeInputError('invalid request', 400, [{ path: 'position', message: 'expected an integer' }]);
  return inTransaction(ctx.db, async (trx) => {
    const published = await trx
      .selectFrom('flow_versions')
      .select('version')
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!published) throw new NotFoundError('flow version', `${flowId}@${version}`);
    const current = await trx.selectFrom('deployments').select('position').where('flow_id', '=', flowId).executeTakeFirst();
    const place = position ?? current?.position ?? (await nextPosition(trx));
    const now = ctx.clock.now();
    const row = { stable: version, candidate: null, percent: 0, position: place, updated_at: now };
    await trx
      .insertInto('deployments')
      .values({ flow_id: flowId, ...row })
      .onConflict((oc) => oc.column('flow_id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, { at: now, actor, kind: 'flow.deployed', flowId, detail: { version, position: place } });
    return { stable: version, candidate: null, percent: 0, position: place };
  });
}

async function nextPosition(trx: RuntimeContext['db']): Promise<number> {
  const last = await trx
    .selectFrom('deployments')
    .select((eb) => eb.fn.max('position').as('position'))
    .executeTakeFirst();
  return last?.position === null || last?.position === undefined ? 0 : last.position + 1;
}
