import { categoryPath, parseDuration } from '@switchyard/flow';
import type { ActionContext, NodeContext } from '../../sdk/node-context';
import { routeAgent, type RouteRequest, type RoutingStrategy } from '../../sdk/route-agent';
import type { Agent } from '../../sdk/roster';
import { type AssignConfig, AssignOutput } from './assign-config';

/** Where a routing decision leaves the ticket. */
export interface RoutedTicket {
  readonly group: string | undefined;
  readonly agent: Agent | undefined;
  readonly output: AssignOutput;
}

/** Whether the config prefers any skill: listed ones, or the one the ticket's category names. */
export function hasPreferredSkills(config: AssignConfig): boolean {
  return config.preferredSkills.length > 0 || config.categorySkill === 'preferred';
}

/** When the preferred skills stop counting (epoch ms), or undefined when they have no waiting time. */
export function preferredUntil(ctx: NodeContext, config: AssignConfig): number | undefined {
  if (!hasPreferredSkills(config) || config.preferredFor === undefined) return undefined;
  return Date.parse(ctx.ticket.createdAt) + (parseDuration(config.preferredFor) ?? 0);
}

/**
 * Chooses an agent for a ticket with a routing strategy: preferred skills first (only they,
 * while their waiting time runs), then anyone who fits, the group's least loaded (fallback),
 * then the overflow group. Agents offered the ticket before who let the accept time pass are
 * left out; when no one else is left, the ticket stays with the last of them (`exhausted`).
 * @example routeTicket(ctx, { ...config, strategy: 'round_robin', group: 'after_sales' }).agent?.id
 */
export function routeTicket(ctx: ActionContext, config: AssignConfig & { strategy: RoutingStrategy }): RoutedTicket {
  const group = config.group ?? ctx.ticket.group ?? undefined;
  const offered = offeredBefore(ctx);
  const path = config.categorySkill === 'none' ? undefined : categoryPath(ctx.ticket);
  const preferredSkills = [...config.preferredSkills, ...(path !== undefined && config.categorySkill === 'preferred' ? [path] : [])];
  const base: RouteRequest = {
    strategy: config.strategy,
    group,
    skills: [
      ...(config.skill ? [config.skill] : []),
      ...config.skills,
      ...(path !== undefined && config.categorySkill === 'required' ? [path] : []),
    ],
    seniority: config.seniority,
    maxOpen: config.maxOpen,
    exclude: new Set(offered),
  };
  const until = preferredUntil(ctx, config);
  const waitForPreferred = until !== undefined && ctx.now.getTime() < until;
  const more = offered.length > 0 ? { offered } : {};
  let agent = preferredSkills.length > 0 ? routeAgent(ctx.roster, { ...base, preferredSkills }) : undefined;
  if (!agent && waitForPreferred) return { group, agent, output: { agent: null, waiting: 'preferred_skills', ...more } };
  agent ??= routeAgent(ctx.roster, base);
  if (!agent && config.fallback === 'group_least_loaded') {
    agent = routeAgent(ctx.roster, { strategy: 'least_loaded', group, exclude: base.exclude });
  }
  if (!agent && config.overflowGroup !== undefined) {
    const overflow = routeAgent(ctx.roster, { ...base, group: config.overflowGroup });
    if (overflow) return { group: config.overflowGroup, agent: overflow, output: picked(overflow, { ...more, overflowed: true }) };
  }
  if (agent) return { group, agent, output: picked(agent, more) };
  // Every agent who fits was offered it: it stays with whoever holds it now.
  if (offered.length > 0) return { group, agent: undefined, output: { agent: ctx.ticket.assignee, offered, exhausted: true } };
  return { group, agent: undefined, output: { agent: null } };
}

function picked(agent: Agent, more: Partial<AssignOutput>): AssignOutput {
  return { agent: agent.id, name: agent.name, ...more };
}

/** The agents offered this ticket in this round: the previous output's, plus its agent when the accept time ran out. */
function offeredBefore(ctx: ActionContext): string[] {
  const previous = ctx.node === undefined ? undefined : AssignOutput.safeParse(ctx.vars[ctx.node]).data;
  if (!previous?.expired) return [];
  const before = previous.offered ?? [];
  return previous.agent !== null && !previous.waiting && !before.includes(previous.agent) ? [...before, previous.agent] : before;
}
