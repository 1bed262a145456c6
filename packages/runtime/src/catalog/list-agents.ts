import { Agent } from '@switchyard/nodes';
import type { InferResult, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Ticket statuses that count toward an agent's load: the tickets being worked (migration 0026). */
export const OPEN_STATUSES = ['new', 'processing'] as const;

/** Statuses that end a ticket's service (resolved, closed). */
export const DONE_STATUSES = ['resolved', 'closed'] as const;

/**
 * Whether a ticket in this status counts toward its assignee's load, as the load triggers count: only
 * while it is worked; a ticket `pending` (waiting on its customer) weighs nothing, as a done one.
 */
export const isOpenStatus = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);

/**
 * Every agent (or the given ones) with its open tickets and routing turn as `agent_loads`
 * keeps them (triggers update them with every ticket change): one query, no counting.
 * @example const agents = await listAgents(db);
 */
export async function listAgents(db: Kysely<Database>, ids?: readonly string[]): Promise<Agent[]> {
  if (ids?.length === 0) return [];
  const [rows, turns] = await Promise.all([agentsQuery(db, ids).execute(), groupTurnsQuery(db, ids).execute()]);
  return agentsFromRows(rows, turns);
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

/** Each agent's round-robin turn per group (migration 0027), sent beside `agentsQuery`. */
export function groupTurnsQuery(db: Kysely<Database>, ids?: readonly string[]) {
  const query = db.selectFrom('agent_group_turns').select(['agent_id', 'group_id', 'last_routed']);
  return ids ? query.where('agent_id', 'in', ids) : query;
}

/** The agents of `agentsQuery`'s rows, with their turns from `groupTurnsQuery`'s. */
export function agentsFromRows(
  rows: readonly InferResult<ReturnType<typeof agentsQuery>>[number][],
  turns: readonly InferResult<ReturnType<typeof groupTurnsQuery>>[number][],
): Agent[] {
  const groupTurns = new Map<string, Record<string, number>>();
  for (const t of turns) groupTurns.set(t.agent_id, { ...groupTurns.get(t.agent_id), [t.group_id]: Number(t.last_routed) });
  // Parsed, not cast: a seniority edited by hand in the database is caught here, not in assignment.
  return rows.map(({ open_tickets, last_routed, capacity, status, ...row }) =>
    Agent.parse({
      ...row,
      status,
      online: status === 'online',
      ...(capacity === null ? {} : { capacity }),
      openTickets: Math.max(0, open_tickets ?? 0),
      ...(Number(last_routed ?? 0) > 0 ? { lastRouted: Number(last_routed) } : {}),
      ...(groupTurns.has(row.id) ? { groupTurns: groupTurns.get(row.id) } : {}),
    }),
  );
}
