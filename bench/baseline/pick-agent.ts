import type { Agent, Roster } from '@switchyard/nodes';

/** Least-loaded online agent passing `test`; ties to the lower id. Written here as a developer would. */
export function pickAgent(roster: Roster, test: (agent: Agent) => boolean): Agent | undefined {
  let best: Agent | undefined;
  for (const agent of roster.agents) {
    if (!agent.online || !test(agent)) continue;
    if (!best || agent.openTickets < best.openTickets || (agent.openTickets === best.openTickets && agent.id < best.id)) best = agent;
  }
  return best;
}
