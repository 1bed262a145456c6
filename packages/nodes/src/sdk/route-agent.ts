import { type Agent, presenceOf, type Roster, type Seniority } from './roster';
import { routingTurn } from './routing-turns';

/** How an assignment chooses among the agents who qualify. */
export type RoutingStrategy = 'least_loaded' | 'round_robin' | 'load_balanced';

/** Who qualifies for a ticket, and how to choose among them. */
export interface RouteRequest {
  readonly strategy: RoutingStrategy;
  readonly group?: string | undefined;
  /** Every one of these skills is required. */
  readonly skills?: readonly string[];
  /** Every one of these is asked for too, while they still count (see the assign node's preferred window). */
  readonly preferredSkills?: readonly string[];
  readonly seniority?: Seniority | undefined;
  /** Only agents with fewer open tickets than this. */
  readonly maxOpen?: number | undefined;
  /** Agents not to pick (offered the ticket already and did not accept). */
  readonly exclude?: ReadonlySet<string>;
}

/**
 * Picks an agent for a ticket: only online agents below their capacity who match the group,
 * skills, seniority and load limit. `least_loaded` takes the fewest open tickets;
 * `round_robin` whoever was given a ticket of the group longest ago (`groupTurns`; `lastRouted`
 * when no group is asked), which cycles through the group, each group on its own; `load_balanced` the lowest open tickets per unit of capacity (an agent without
 * one counts the largest capacity among the candidates). Ties go to whoever waited longest,
 * then to the lower id, so the choice is deterministic.
 * @example routeAgent(roster, { strategy: 'round_robin', group: 'after_sales' })?.id
 */
export function routeAgent(roster: Roster, request: RouteRequest): Agent | undefined {
  const candidates = roster.agents.filter((agent) => qualifies(agent, request));
  if (candidates.length === 0) return undefined;
  const largest = candidates.reduce((max, a) => Math.max(max, a.capacity ?? 0), 0) || 1;
  const share = (a: Agent) => a.openTickets / (a.capacity ?? largest);
  const turn = (a: Agent) => routingTurn(a, request.group);
  const keys: (a: Agent) => readonly number[] =
    request.strategy === 'round_robin'
      ? (a) => [turn(a)]
      : request.strategy === 'load_balanced'
        ? (a) => [share(a), a.openTickets, turn(a)]
        : (a) => [a.openTickets];
  let best = candidates[0];
  for (const agent of candidates.slice(1)) if (best === undefined || before(keys(agent), keys(best), agent.id, best.id)) best = agent;
  return best;
}

function qualifies(agent: Agent, request: RouteRequest): boolean {
  if (presenceOf(agent) !== 'online') return false;
  if (agent.capacity !== undefined && agent.openTickets >= agent.capacity) return false;
  if (request.exclude?.has(agent.id)) return false;
  if (request.group !== undefined && !agent.groups.includes(request.group)) return false;
  if (request.seniority !== undefined && agent.seniority !== request.seniority) return false;
  if (request.maxOpen !== undefined && agent.openTickets >= request.maxOpen) return false;
  const skills = [...(request.skills ?? []), ...(request.preferredSkills ?? [])];
  return skills.every((s) => agent.skills.includes(s));
}

function before(a: readonly number[], b: readonly number[], idA: string, idB: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return idA < idB;
}
