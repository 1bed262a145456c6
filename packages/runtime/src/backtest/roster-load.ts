import type { Roster } from '@switchyard/nodes';

/** Action types whose choice depends on the team's load at the moment (the built-in assign). */
const READS_LOAD: ReadonlySet<string> = new Set(['assign']);

/**
 * What an action's audit entry keeps of the roster it saw, for a backtest to replay the same
 * choice: each online agent's open tickets (`{ load }`), for actions that choose by load only.
 * @example rosterLoad('assign', roster) // { load: { 'li-na': 2, 'wang-wei': 0 } }
 */
export function rosterLoad(type: string, roster: Roster): { load?: Record<string, number> } {
  if (!READS_LOAD.has(type)) return {};
  return { load: Object.fromEntries(roster.agents.filter((a) => a.online).map((a) => [a.id, a.openTickets])) };
}

/**
 * The roster as an assignment saw it: today's team (groups, skills, seniority) with the online
 * agents and loads recorded then. An agent recorded but gone from today's roster cannot be rebuilt.
 */
export function rosterWithLoad(today: Roster, load: Readonly<Record<string, number>>): Roster {
  return {
    groups: today.groups,
    agents: today.agents.map((a) => {
      const open = load[a.id];
      return open === undefined ? { ...a, online: false } : { ...a, online: true, openTickets: open };
    }),
  };
}
