import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

/*
 * The roster as the API carries it. These mirror `Agent` and `Group` of @switchyard/nodes,
 * which this browser-safe package cannot import; a server test keeps the two in step.
 */

export const Seniority = z.enum(['junior', 'mid', 'senior']);

/** Presence (issue 21): only online agents are routed new tickets; away agents keep theirs. */
export const AgentStatus = z.enum(['online', 'away', 'offline']).meta({ id: 'AgentStatus' });
export type AgentStatus = z.infer<typeof AgentStatus>;

/** POST /api/groups: creates or replaces a group by id. */
export const Group = z
  .strictObject({
    id: z.string().min(1).max(INPUT_LIMITS.id),
    name: z.string().min(1).max(INPUT_LIMITS.name),
    nameZh: z.string().max(INPUT_LIMITS.name).optional(),
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof Group>;
export const GroupList = z.array(Group);

/** POST /api/skills: names a skill agents can have and assignment can ask for (by id). */
export const Skill = z
  .strictObject({
    id: z.string().min(1).max(INPUT_LIMITS.identifier),
    name: z.string().min(1).max(INPUT_LIMITS.name),
    nameZh: z.string().max(INPUT_LIMITS.name).optional(),
  })
  .meta({ id: 'Skill' });
export type Skill = z.infer<typeof Skill>;
export const SkillList = z.array(Skill);

/** POST /api/agents: creates or replaces an agent by id. `openTickets` is counted by the server; a value sent is ignored. */
export const AgentInput = z
  .strictObject({
    id: z.string().min(1).max(INPUT_LIMITS.id),
    name: z.string().min(1).max(INPUT_LIMITS.name),
    groups: z.array(z.string().max(INPUT_LIMITS.id)).max(INPUT_LIMITS.listItems).default([]),
    /** Skill ids: GET /api/skills lists an agent's unnamed skills, which must fit a skill id. */
    skills: z.array(z.string().max(INPUT_LIMITS.identifier)).max(INPUT_LIMITS.listItems).default([]),
    seniority: Seniority.default('mid'),
    openTickets: z.number().int().min(0).optional(),
    online: z.boolean().default(true),
    /** Presence; when sent it wins over `online` (which the server then keeps equal to status = online). */
    status: AgentStatus.optional(),
    /** The most open tickets routing gives this agent; absent: no limit. */
    capacity: z.number().int().min(1).max(10_000).optional(),
    /** Kept by the server (the turn the agent was last given a ticket, for round robin); a value sent is ignored. */
    lastRouted: z.number().int().min(0).optional(),
    /** Kept by the server: the turn the agent was last given a ticket of each group (round robin rotates within a group); a value sent is ignored. */
    groupTurns: z.record(z.string(), z.number().int().min(0)).optional(),
    /** Supervisors receive escalations. */
    supervisor: z.boolean().default(false),
  })
  .meta({ id: 'AgentInput' });
export type AgentInput = z.input<typeof AgentInput>;

/**
 * An agent with `openTickets` (tickets assigned to them that are not resolved or closed) and
 * `lastRouted`, both kept by the server as tickets open, move and close; `status` always set.
 */
export const Agent = AgentInput.extend({ openTickets: z.number().int().min(0), status: AgentStatus }).meta({ id: 'Agent' });
export type Agent = z.infer<typeof Agent>;
export const AgentList = z.array(Agent);

/** A roster posted with a dry-run, as in examples/agents.json. */
export const RosterInput = z
  .strictObject({ groups: z.array(Group).default([]), agents: z.array(AgentInput).default([]) })
  .meta({ id: 'RosterInput' });

/** POST /api/agents/:id/status: sets an agent's presence (an agent their own; roster.manage or tickets.supervise anyone's). */
export const AgentStatusRequest = z.strictObject({ status: AgentStatus }).meta({ id: 'AgentStatusRequest' });
export type AgentStatusRequest = z.infer<typeof AgentStatusRequest>;
