import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Who deploys under the two-person rule: nobody deploys a version they published themselves. */
export interface DeployerCheck {
  /** The deploying user's id, compared with `flow_versions.published_by`. */
  readonly userId: string;
}

/** A deployment change refused by the two-person rule: `version` of `flowId` was published by the deployer. */
export class TwoPersonRuleViolation extends Error {
  override readonly name = 'TwoPersonRuleViolation';
  constructor(
    readonly flowId: string,
    readonly version: number,
  ) {
    super(`two-person rule: version ${version} of ${flowId} was published by the deployer`);
  }
}

/**
 * Refuses, inside the deployment change's own transaction (after the deployment row is locked, so
 * what counts as newly deployed cannot move under the check), a version among `deployed` that the
 * deployer published. Versions published before migration 0009 have no recorded publisher and pass.
 */
export async function requireOtherPublisher(
  trx: Kysely<Database>,
  flowId: string,
  deployed: readonly number[],
  deployer: DeployerCheck | undefined,
): Promise<void> {
  if (!deployer || deployed.length === 0) return;
  const own = await trx
    .selectFrom('flow_versions')
    .select('version')
    .where('flow_id', '=', flowId)
    .where('version', 'in', [...deployed])
    .where('published_by', '=', deployer.userId)
    .orderBy('version')
    .executeTakeFirst();
  if (own) throw new TwoPersonRuleViolation(flowId, own.version);
}
