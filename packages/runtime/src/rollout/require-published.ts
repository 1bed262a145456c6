import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { RuntimeInputError } from '../errors';

/** The 400 for a version number (in request field `field`) that the flow never published. */
export function unpublishedVersion(flowId: string, version: number, field: string): RuntimeInputError {
  return new RuntimeInputError('invalid request', 400, [{ path: field, message: `flow ${flowId} has no published version ${version}` }]);
}

/** Refuses, naming `field`, a version the flow never published. */
export async function requirePublished(db: Kysely<Database>, flowId: string, version: number, field: string): Promise<void> {
  const found = await db
    .selectFrom('flow_versions')
    .select('version')
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!found) throw unpublishedVersion(flowId, version, field);
}
