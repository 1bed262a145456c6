import type { RolloutConflict } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { RevisionConflictError } from '../errors';
import { getRollout } from './get-rollout';

/**
 * The 409 for a rollout change made against revision `expected` of a deployment that moved on
 * (a person's change, a ramp step, a guardrail's rollback): the deployment as it is now, read in
 * the caller's transaction, or null with revision 0 when the flow is not deployed.
 */
export async function rolloutConflict(
  trx: Kysely<Database>,
  flowId: string,
  expected: number,
): Promise<RevisionConflictError<RolloutConflict>> {
  const deployed = await trx.selectFrom('deployments').select('revision').where('flow_id', '=', flowId).executeTakeFirst();
  const rollout = deployed ? await getRollout({ db: trx }, flowId) : null;
  const revision = rollout?.revision ?? 0;
  const message = {
    en: `flow ${flowId}: the rollout changed since revision ${expected} (it is at revision ${revision}); nothing was changed`,
    'zh-CN': `流程 ${flowId}：自修订 ${expected} 以来灰度发布已被更改（当前为修订 ${revision}）；未做任何更改`,
  };
  return new RevisionConflictError<RolloutConflict>({
    error: message.en,
    details: [{ path: 'revision', message: `is ${expected}, the deployment is at revision ${revision}` }],
    revision,
    rollout,
    message,
  });
}

/** A rollout write's new revision, or the 409 when it lost the compare-and-set. */
export async function requireWritten(
  trx: Kysely<Database>,
  flowId: string,
  revision: number | null,
  expected: number | undefined,
): Promise<number> {
  if (revision !== null) return revision;
  if (expected === undefined) throw new Error(`flow ${flowId}: the deployment changed under its row lock`);
  throw await rolloutConflict(trx, flowId, expected);
}
