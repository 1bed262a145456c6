import { z } from 'zod';

export const Seniority = z.enum(['junior', 'mid', 'senior']);
export type Seniority = z.infer<typeof Seniority>;

/** Presence: only `online` agents are routed new tickets; `away` keeps theirs but gets none. */
export const AgentStatus = z.enum(['online', 'away', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const Agent = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  groups: z.array(z.string()).default([]),
  skills: z.array(z.string()).default([]),
  seniority: Seniority.default('mid'),
  openTickets: z.number().int().min(0).default(0),
  online: z.boolean().default(true),
  /** Presence (issue 21); when absent, `online` says online or offline. When present it wins over `online`. */
  status: AgentStatus.optional(),
  /** The most open tickets routing gives this agent (load-balanced routing divides by it); absent: no limit. */
  capacity: z.number().int().min(1).max(10_000).optional(),
  /**
   * When this agent was last given a ticket, as a rising turn number (0: never): round robin
   * gives the next ticket to whoever waited longest. The database keeps it with the load.
   */
  lastRouted: z.number().int().min(0).optional(),
  /** The turn this agent was last given a ticket of each group (round robin rotates within a group); kept by the database. */
  groupTurns: z.record(z.string(), z.number().int().min(0)).optional(),
  /** Supervisors receive escalations. */
  supervisor: z.boolean().default(false),
});
export type Agent = z.infer<typeof Agent>;

export const Group = z.strictObject({ id: z.string().min(1), name: z.string().min(1), nameZh: z.string().optional() });
export type Group = z.infer<typeof Group>;

/** The team as assignment sees it (examples/agents.json in dry-run, the database at run time). */
export const Roster = z.strictObject({ groups: z.array(Group).default([]), agents: z.array(Agent).default([]) });
export type Roster = z.infer<typeof Roster>;

export const EMPTY_ROSTER: Roster = { groups: [], agents: [] };

/**
 * An agent's presence: `status` when given, else `online` as online or offline.
 * @example presenceOf({ ...agent, online: false }) // 'offline'
 */
export function presenceOf(agent: Pick<Agent, 'online' | 'status'>): AgentStatus {
  return agent.status ?? (agent.online ? 'online' : 'offline');
}

/** What an agent must have to be picked. */
export interface AgentCriteria {
  readonly group?: string;
  readonly skill?: string;
  readonly seniority?: Seniority;
  /** Only agents with fewer open tickets than this. */
  readonly maxOpen?: number;
}

/**
 * The least-loaded online agent matching the criteria; ties go to the lower id so the
 * choice is deterministic. Agents at their capacity are passed over.
 * @example leastLoadedAgent(roster, { group: 'after_sales', skill: 'returns' })
 */
export function leastLoadedAgent(roster: Roster, criteria: AgentCriteria): Agent | undefined {
  let best: Agent | undefined;
  for (const agent of roster.agents) {
    if (presenceOf(agent) !== 'online') continue;
    if (agent.capacity !== undefined && agent.openTickets >= agent.capacity) continue;
    if (criteria.group !== undefined && !agent.groups.includes(criteria.group)) continue;
    if (criteria.skill !== undefined && !agent.skills.includes(criteria.skill)) continue;
    if (criteria.seniority !== undefined && agent.seniority !== criteria.seniority) continue;
    if (criteria.maxOpen !== undefined && agent.openTickets >= criteria.maxOpen) continue;
    if (!best || agent.openTickets < best.openTickets || (agent.openTickets === best.openTickets && agent.id < best.id)) {
      best = agent;
    }
  }
  return best;
}

/**
 * Why an agent was not picked: the first criterion they failed, `more_load` (the one picked had fewer
 * open tickets) or `tie` (as few, but ties go to the lower id).
 */
export type PassedOver = 'offline' | 'not_in_group' | 'no_skill' | 'seniority' | 'at_capacity' | 'more_load' | 'tie';

/** One agent as an assignment weighed them, for a trace. */
export interface Considered {
  readonly agent: string;
  readonly open: number;
  /** Absent for the agent picked. */
  readonly passedOver?: PassedOver;
}

/**
 * Every agent of the roster as `leastLoadedAgent` weighed them for these criteria: the one it
 * picks has no `passedOver`; every other says why not. Agents outside the group are left out
 * when a group is named (a team of hundreds would drown the trace), so the list is the group's.
 * @example consideredAgents(roster, { group: 'after_sales', skill: 'returns' })
 */
export function consideredAgents(roster: Roster, criteria: AgentCriteria): Considered[] {
  const picked = leastLoadedAgent(roster, criteria);
  const considered: Considered[] = [];
  for (const agent of roster.agents) {
    if (criteria.group !== undefined && !agent.groups.includes(criteria.group)) continue;
    const why: PassedOver | undefined =
      presenceOf(agent) !== 'online'
        ? 'offline'
        : agent.capacity !== undefined && agent.openTickets >= agent.capacity
          ? 'at_capacity'
          : criteria.skill !== undefined && !agent.skills.includes(criteria.skill)
            ? 'no_skill'
            : criteria.seniority !== undefined && agent.seniority !== criteria.seniority
              ? 'seniority'
              : criteria.maxOpen !== undefined && agent.openTickets >= criteria.maxOpen
                ? 'at_capacity'
                : agent === picked
                  ? undefined
                  : agent.openTickets === picked?.openTickets
                    ? 'tie'
                    : 'more_load';
    considered.push({ agent: agent.id, open: agent.openTickets, ...(why ? { passedOver: why } : {}) });
  }
  return considered;
}
