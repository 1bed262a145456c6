import type { FlowSummary } from '@switchyard/api';
import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deploymentView } from './deployment-view';
import { draftDiagnostics, storedDiagnostics } from './draft-diagnostics';

/**
 * Every flow with its latest version and deployment: deployed flows first in run order,
 * then the others by id. Given a registry, each summary says whether its draft would publish,
 * from the diagnostics stored at its save: no draft is read or validated, but one that has
 * none yet (saved before migration 0007, or under other node types), which gets them now.
 * @example const flows = await listFlows(db, registry);
 */
export async function listFlows(db: Kysely<Database>, registry?: NodeRegistry): Promise<FlowSummary[]> {
  const rows = await db
    .selectFrom('flows')
    .leftJoin('deployments as d', 'd.flow_id', 'flows.id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('flow_versions')
          .select((v) => ['flow_id', v.fn.max('version').as('latest')])
          .groupBy('flow_id')
          .as('v'),
      (join) => join.onRef('v.flow_id', '=', 'flows.id'),
    )
    .select(['flows.id', 'flows.name', 'flows.description', 'flows.updated_at', 'flows.diagnostics', 'v.latest'])
    .select(['d.stable', 'd.candidate', 'd.percent', 'd.position'])
    .execute();
  const valid = registry ? await draftsValid(db, rows, registry) : undefined;
  const summaries = rows.map((row): FlowSummary => {
    const draftValid = valid?.get(row.id);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      updatedAt: row.updated_at.toISOString(),
      ...(draftValid !== undefined ? { draftValid } : {}),
      latestVersion: row.latest ?? null,
      deployment: deploymentView(row),
    };
  });
  const order = (s: FlowSummary) => s.deployment?.position ?? Number.POSITIVE_INFINITY;
  return summaries.sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether each draft would publish, by flow id; the drafts without current diagnostics are read (one query) and diagnosed. */
async function draftsValid(
  db: Kysely<Database>,
  rows: readonly { id: string; diagnostics: unknown }[],
  registry: NodeRegistry,
): Promise<Map<string, boolean>> {
  const valid = new Map<string, boolean>();
  const stale: string[] = [];
  for (const row of rows) {
    const diagnostics = storedDiagnostics(row.id, row.diagnostics, registry);
    if (diagnostics) valid.set(row.id, !diagnostics.some((d) => d.severity === 'error'));
    else stale.push(row.id);
  }
  if (stale.length === 0) return valid;
  const drafts = await db.selectFrom('flows').select(['id', 'draft', 'revision', 'diagnostics']).where('id', 'in', stale).execute();
  for (const draft of drafts) {
    const diagnostics = await draftDiagnostics(db, draft, registry);
    valid.set(draft.id, !diagnostics.some((d) => d.severity === 'error'));
  }
  return valid;
}
