import type { FlowDetail } from '@switchyard/api';
import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deploymentView } from './deployment-view';
import { draftDiagnostics } from './draft-diagnostics';
import { readDraft } from './read-document';

/**
 * A flow's draft with its revision, its published versions (oldest first) and its deployment;
 * undefined for an unknown id. Given a registry, the draft's diagnostics come along: the ones
 * stored when it was saved (computed and stored now for a draft that has none yet).
 * @example const flow = await getFlow(db, 'intake', registry);
 */
export async function getFlow(db: Kysely<Database>, id: string, registry?: NodeRegistry): Promise<FlowDetail | undefined> {
  const flow = await db
    .selectFrom('flows')
    .leftJoin('deployments as d', 'd.flow_id', 'flows.id')
    .select([
      'flows.id',
      'flows.name',
      'flows.description',
      'flows.draft',
      'flows.revision',
      'flows.diagnostics',
      'flows.created_at',
      'flows.updated_at',
    ])
    .select(['d.stable', 'd.candidate', 'd.percent', 'd.position'])
    .where('flows.id', '=', id)
    .executeTakeFirst();
  if (!flow) return undefined;
  const versions = await db
    .selectFrom('flow_versions')
    .select(['version', 'author', 'created_at', 'note'])
    .where('flow_id', '=', id)
    .orderBy('version')
    .execute();
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    createdAt: flow.created_at.toISOString(),
    updatedAt: flow.updated_at.toISOString(),
    draft: readDraft(flow.id, flow.draft),
    revision: flow.revision,
    ...(registry ? { diagnostics: await draftDiagnostics(db, flow, registry) } : {}),
    versions: versions.map((v) => ({ version: v.version, author: v.author, createdAt: v.created_at.toISOString(), note: v.note })),
    deployment: deploymentView(flow),
  };
}
