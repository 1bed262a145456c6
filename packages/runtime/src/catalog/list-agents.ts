import { Agent } from '@switchyard/nodes';
import type { InferResult, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Ticket statuses that count toward an agent's load today (the states a new ticket goes through). */
export const OPEN_STATUSES = ['new', 'processing'] as const;

/** Statuses that end a ticket's weight on its agent: every other status (a ticket waiting on its customer too) counts as open. */
export const DONE_STATUSES = ['resolved', 'closed'] as const;

/** Whether a ticket in this status counts toward its assignee's load (as the load triggers of migration 0024 count). */
export const isOpenStatus = (status: string): boolean => !(DONE_STATUSES as readonly string[]).includes(status);

/**
 * Every agent (or the given ones) with its open tickets and routing turn as `agent_loads`
 * keeps them (triggers update them with every ticket change): one query, no counting.
 * @example const agents = await listAgents(db);
 */
export async function listAgents(db: Kysely<Database>, ids?: readonly string[]): Promise<Agent[]> {
  if (ids?.length === 0) return [];
  return agentsFromRows(await agentsQuery(db, ids).execute());
}

/** The query of `listAgents`, for a caller that sends it together with others (`sendTogether`). */
export function agentsQuery(db: Kysely<Database>, ids?: readonly string[]) {
  const query = db
    .selectFrom('agents')
    .leftJoin('agent_loads', 'agent_loads.agent_id', 'agents.id')
    .selectAll('agents')
    .select(['agent_loads.open_tickets', 'agent_loads.last_routed'])
    .orderBy('agents.id');
  return ids ? query.where('agents.id', 'in', ids) : query;
}

/** The agents of `agentsQuery`'s rows. */
export function agentsFromRows(rows: readonly InferResult<ReturnType<typeof agentsQuery>>[number][]): Agent[] {
  // Parsed, not cast: a seniority edited by hand in the database is caught here, not in assignment.
  return rows.map(({ open_tickets, last_routed, capacity, status, ...row }) =>
    Agent.parse({
      ...row,
      status,
      online: status === 'online',
      ...(capacity === null ? {} : { capacity }),
      openTickets: Math.max(0, open_tickets ?? 0),
      ...(Number(last_routed ?? 0) > 0 ? { lastRouted: Number(last_routed) } : {}),
    }),
  );
}
