import { parseDuration } from '@switchyard/flow';
import { defineNode } from '../sdk/define-node';
import { consideredAgents } from '../sdk/roster';
import { AssignConfig, AssignOutput } from './assign/assign-config';
import { hasPreferredSkills, preferredUntil, routeTicket } from './assign/route-ticket';

/** How long a hold waits when nothing but a preferred-skills window could hold it (then it is never held). */
const IDLE_HOLD_MS = 24 * 60 * 60 * 1000;

/**
 * Assigns a group and/or an agent: a fixed one, or an online agent chosen by a routing
 * strategy (least loaded, round robin, balanced by capacity) among those with the required
 * (and, for a while, preferred) skills, seniority and load limit, overflowing to another
 * group. With an accept time, the run waits at this node until the agent replies or moves the
 * ticket on; when the time passes, the ticket goes to the next agent.
 */
export const assign = defineNode({
  type: 'assign',
  kind: 'action',
  icon: 'user-check',
  title: { en: 'Assign', 'zh-CN': '分配' },
  description: {
    en: 'Assigns a group and/or an agent: a fixed one, or an online agent by round robin, least load or capacity, with required and preferred skills, an accept time and an overflow group.',
    'zh-CN': '分配处理组和/或坐席：指定人选，或按轮流、最低负载或容量在在线坐席中选择，支持必备与优先技能、接单时限和溢出处理组。',
  },
  config: AssignConfig,
  output: AssignOutput,
  run: (ctx, config) => {
    if (config.strategy === 'fixed') {
      const group = config.group ?? ctx.ticket.group ?? undefined;
      return {
        params: { group: group ?? null, agent: config.agent ?? null },
        patch: { group: group ?? null, ...(config.agent ? { assignee: config.agent } : {}) },
      };
    }
    const { group, agent, output } = routeTicket(ctx, { ...config, strategy: config.strategy });
    const why = output.waiting ? { reason: 'waiting for preferred skills' } : output.exhausted ? { reason: 'nobody accepted' } : {};
    return {
      params: {
        group: group ?? null,
        agent: output.agent,
        ...(agent || output.exhausted || output.waiting ? {} : { reason: 'no agent available' }),
        ...why,
        ...(output.overflowed ? { overflowed: true } : {}),
      },
      patch: { group: group ?? null, ...(agent ? { assignee: agent.id } : {}) },
      output,
    };
  },
  hold: {
    enabled: (config) =>
      config.strategy !== 'fixed' &&
      (config.acceptTimeout !== undefined || (config.preferredFor !== undefined && hasPreferredSkills(config))),
    holds: (output, config) => {
      const out = AssignOutput.safeParse(output).data;
      if (!out) return false;
      if (out.waiting) return true;
      return config.acceptTimeout !== undefined && out.agent !== null && !out.exhausted;
    },
    events: ['agent.reply', 'ticket.status'],
    // Accepting: the assignee (or, with none, anyone) replies, or the ticket leaves "new".
    matches: (ctx) =>
      ctx.event?.type === 'agent.reply'
        ? ctx.ticket.assignee === null || ctx.event.agentId === ctx.ticket.assignee
        : ctx.event?.type === 'ticket.status' && ctx.event.status !== 'new',
    delayMs: (ctx, config) => {
      const accept = config.acceptTimeout === undefined ? undefined : parseDuration(config.acceptTimeout);
      const until = preferredUntil(ctx, config);
      const left = until === undefined ? 0 : until - ctx.now.getTime();
      if (left > 0) return accept === undefined ? left : Math.min(accept, left);
      return accept ?? IDLE_HOLD_MS;
    },
  },
  explain: (ctx, config) => {
    const group = config.group ?? ctx.ticket.group ?? undefined;
    if (config.strategy === 'fixed') return { strategy: 'fixed', group: group ?? null, agent: config.agent ?? null };
    const criteria = { group, skill: config.skill, seniority: config.seniority, maxOpen: config.maxOpen };
    // Who routing picked: every other agent who fit was passed over for load or turn.
    const { agent, output } = routeTicket(ctx, { ...config, strategy: config.strategy });
    const candidates = consideredAgents(ctx.roster, criteria).map((c) =>
      c.agent === agent?.id
        ? { agent: c.agent, open: c.open }
        : c.passedOver === undefined
          ? { ...c, passedOver: 'more_load' as const }
          : c,
    );
    return {
      strategy: config.strategy,
      group: group ?? null,
      criteria: { skill: config.skill ?? null, seniority: config.seniority ?? null, maxOpen: config.maxOpen ?? null },
      candidates,
      ...(output.overflowed && config.overflowGroup ? { overflow: consideredAgents(ctx.roster, { group: config.overflowGroup }) } : {}),
      ...(output.offered ? { offered: output.offered } : {}),
    };
  },
  summary: (config, locale) => {
    if (config.strategy === 'fixed') return [config.group, config.agent].filter(Boolean).join(' / ');
    const how = {
      least_loaded: locale === 'en' ? 'least loaded' : '负载最低',
      round_robin: locale === 'en' ? 'round robin' : '轮流',
      load_balanced: locale === 'en' ? 'by capacity' : '按容量',
    }[config.strategy];
    const skills = [config.skill, ...config.skills].filter(Boolean).join(', ');
    const parts = [
      `${config.group ?? ''} ${how}`.trim(),
      skills,
      config.categorySkill === 'none'
        ? undefined
        : locale === 'en'
          ? `category skill (${config.categorySkill})`
          : `分类技能（${config.categorySkill === 'required' ? '必备' : '优先'}）`,
      config.seniority,
      config.overflowGroup ? `→ ${config.overflowGroup}` : undefined,
    ];
    return parts.filter(Boolean).join(' · ');
  },
});
