import type { Roster } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sendTogether } from '../db/send-together';
import { agentsFromRows, agentsQuery, groupTurnsQuery } from './list-agents';
import { groupsFromRows, groupsQuery } from './list-groups';

/**
 * The team as assignment sees it, with each agent's real open-ticket count: three queries
 * (groups, agents with their load, their round-robin turns per group), sent together. Run it inside the transaction that assigns,
 * so the counts include what that transaction already changed.
 * @example const roster = await loadRoster(trx);
 */
export async function loadRoster(db: Kysely<Database>): Promise<Roster> {
  const [groups, agents, turns] = await sendTogether(db, (send) =>
    Promise.all([send(groupsQuery(db)), send(agentsQuery(db)), send(groupTurnsQuery(db))]),
  );
  return { groups: groupsFromRows(groups.rows), agents: agentsFromRows(agents.rows, turns.rows) };
}
