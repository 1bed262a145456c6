import type { Agent } from './roster';

/**
 * The turn round robin reads for an agent: the turn they were last given a ticket of `group`
 * (each group rotates on its own: an agent of two groups has a turn in each), or of any group when
 * the ticket names none. 0: never. A roster without per-group turns (written by hand, a dry-run's
 * roster file) rotates on `lastRouted` alone.
 * @example routingTurn(agent, 'after_sales')
 */
export function routingTurn(agent: Agent, group: string | undefined): number {
  if (group === undefined || agent.groupTurns === undefined) return agent.lastRouted ?? 0;
  return agent.groupTurns[group] ?? 0;
}

/** The latest turn given to any of the agents, in any group. */
export function latestTurn(agents: readonly Agent[]): number {
  return agents.reduce((max, a) => Math.max(max, a.lastRouted ?? 0, ...Object.values(a.groupTurns ?? {})), 0);
}

/**
 * The agent after being given a ticket of `group` (null: none) at `turn`, as the database's
 * triggers record it: the latest turn overall and in that group.
 * @example takeTurn(agent, 'after_sales', latestTurn(roster.agents) + 1)
 */
export function takeTurn(agent: Agent, group: string | null | undefined, turn: number): Agent {
  if (group === null || group === undefined) return { ...agent, lastRouted: turn };
  return { ...agent, lastRouted: turn, groupTurns: { ...agent.groupTurns, [group]: turn } };
}
