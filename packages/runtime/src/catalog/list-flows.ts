import { validateFlow } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deploymentView } from './deployment-view';
import type { FlowSummary } from './flow-views';

/**
 * Every flow with its latest version and deployment: deployed flows first in run order,
 * then the others by id. Given a registry, each summary says whether its draft would publish.
 * @example const flows = await listFlows(db, registry);
 */
export async function listFlows(db: Kysely<Database>, registry?: NodeRegistry): Promise<FlowSummary[]> {
  const rows = await db
    .selectFrom('flows')
    .leftJoin('deployments as d', 'd.flow_id', 'flows.id')
    .leftJoin(
      (eb) => eb.selectFrom('flow_versions').select((v) => ['flow_id', v.fn.max('version').as('latest')]).groupBy('flow_id').as('v'),
      (join) => join.onRef('v.flow_id', '=', 'flows.id'),
    )
    .select(['flows.id', 'flows.name', 'flows.description', 'flows.updated_at', 'flows.draft', 'v.latest'])
    .select(['d.stable', 'd.candidate', 'd.percent', 'd.position'])
    .execute();
  const summaries = rows.map((row): FlowSummary => ({
    id: row.id,
    name: row.name,
    description: row.description,
    updatedAt: row.updated_at.toISOString(),
    ...(registry ? { draftValid: validateFlow(row.draft, registry).ok } : {}),
    latestVersion: row.latest ?? null,
    deployment: deploymentView(row),
  }));
  const order = (s: FlowSummary) => s.deployment?.position ?? Number.POSITIVE_INFINITY;
  return summaries.sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
