import { Agent } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Ticket statuses that count toward an agent's load. */
export const OPEN_STATUSES = ['new', 'processing'] as const;

/**
 * Every agent (or the given ones) with `openTickets` counted from the tickets assigned to
 * them that are new or processing: one query, whatever the size of the team.
 * @example const agents = await listAgents(db);
 */
export async function listAgents(db: Kysely<Database>, ids?: readonly string[]): Promise<Agent[]> {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('agents')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('tickets')
          .select((t) => ['assignee', t.fn.countAll<string>().as('open')])
          .where('status', 'in', OPEN_STATUSES)
          .where('assignee', 'is not', null)
          .groupBy('assignee')
          .as('load'),
      (join) => join.onRef('load.assignee', '=', 'agents.id'),
    )
    .selectAll('agents')
    .select('load.open')
    .orderBy('agents.id');
  if (ids) query = query.where('agents.id', 'in', ids);
  const rows = await query.execute();
  // Parsed, not cast: a seniority edited by hand in the database is caught here, not in assignment.
  return rows.map(({ open, ...row }) => Agent.parse({ ...row, openTickets: Number(open ?? 0) }));
}
