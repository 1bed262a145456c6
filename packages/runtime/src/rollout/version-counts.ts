import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/** Per version: tickets bound, and how many of them errored, breached a deadline, escalated. */
export interface VersionCounts {
  readonly version: number;
  readonly bound: number;
  readonly errors: number;
  readonly slaBreaches: number;
  readonly escalations: number;
}

/**
 * The guardrails' counts per version of a flow (versions with tickets bound only): read
 * from the per-version counters the outcome rows keep (migration 0006), so a check costs
 * the same at a hundred tickets or a million. What counts as an error, an SLA breach or
 * an escalation is decided once, from the typed audit entries (`outcomeMarks`).
 */
export async function versionCounts(db: Kysely<Database>, flowId: string, versions?: readonly number[]): Promise<VersionCounts[]> {
  if (versions?.length === 0) return [];
  let query = db
    .selectFrom('flow_version_outcomes')
    .select([
      'version',
      sql<number>`sum(bound)::int`.as('bound'),
      sql<number>`sum(errored)::int`.as('errors'),
      sql<number>`sum(sla_breached)::int`.as('slaBreaches'),
      sql<number>`sum(escalated)::int`.as('escalations'),
    ])
    .where('flow_id', '=', flowId)
    .groupBy('version')
    .having(sql<boolean>`sum(bound) > 0`)
    .orderBy('version');
  if (versions) query = query.where('version', 'in', versions);
  return query.execute();
}
