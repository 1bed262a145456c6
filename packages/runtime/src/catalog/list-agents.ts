import { Agent } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
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
  let query = db
    .selectFrom('agents')
    .leftJoin('agent_loads', 'agent_loads.agent_id', 'agents.id')
    .selectAll('agents')
    .select(['agent_loads.open_tickets', 'agent_loads.last_routed'])
    .orderBy('agents.id');
  if (ids) query = query.where('agents.id', 'in', ids);
  const rows = await query.execute();
  let turnQuery = db.selectFrom('agent_group_turns').select(['agent_id', 'group_id', 'last_routed']);
  if (ids) turnQuery = turnQuery.where('agent_id', 'in', ids);
  const groupTurns = new Map<string, Record<string, number>>();
  for (const t of await turnQuery.execute())
    groupTurns.set(t.agent_id, { ...groupTurns.get(t.agent_id), [t.group_id]: Number(t.last_routed) });
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
