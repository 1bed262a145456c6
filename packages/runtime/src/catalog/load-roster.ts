import type { Roster } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listAgents } from './list-agents';
import { listGroups } from './list-groups';

/**
 * The team as assignment sees it, with each agent's real open-ticket count: two queries
 * (groups, agents with their load). Run it inside the transaction that assigns, so the
 * counts include what that transaction already changed.
 * @example const roster = await loadRoster(trx);
 */
export async function loadRoster(db: Kysely<Database>): Promise<Roster> {
  const groups = await listGroups(db);
  const agents = await listAgents(db);
  return { groups, agents };
}
