import type { FlowVersion } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readCompiled, readPublished } from './read-document';

/**
 * A published version of a flow: its document and compiled machine; undefined when the
 * flow or the version does not exist.
 * @example const v1 = await getVersion(db, 'intake', 1);
 */
export async function getVersion(db: Kysely<Database>, flowId: string, version: number): Promise<FlowVersion | undefined> {
  if (!Number.isInteger(version)) return undefined;
  const row = await db
    .selectFrom('flow_versions')
    .selectAll()
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const compiled = readCompiled(row.flow_id, row.version, row.compiled);
  return {
    flowId: row.flow_id,
    version: row.version,
    document: readPublished(row.flow_id, row.version, row.document),
    compiled: { ...compiled, nodes: { ...compiled.nodes }, triggerEvents: [...compiled.triggerEvents] },
    author: row.author,
    createdAt: row.created_at.toISOString(),
    note: row.note,
  };
}
