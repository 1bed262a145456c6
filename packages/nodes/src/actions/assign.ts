import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { consideredAgents, leastLoadedAgent, Seniority } from '../sdk/roster';
import { SENIORITY_CHOICES, words } from '../sdk/field-words';

/**
 * Assigns a group and/or an agent: a fixed one, or the least-loaded online agent that
 * matches skill, seniority and a load limit, falling back to the group's least loaded.
 */
export const assign = defineNode({
  type: 'assign',
  kind: 'action',
  icon: 'user-check',
  title: { en: 'Assign', 'zh-CN': '分配' },
  description: {
    en: 'Assigns a group and/or an agent: a fixed one, or the least-loaded online agent with a skill, seniority and load limit.',
    'zh-CN': '分配处理组和/或坐席：指定人选，或按技能、资历和负载上限选在线且负载最低的坐席。',
  },
  config: z
    .strictObject({
      strategy: describeField(z.enum(['fixed', 'least_loaded']).default('fixed'), {
        title: words('How to choose', '分配方式'),
        help: words(
          'A fixed group or agent, or the least-loaded online agent who fits.',
          '指定处理组或坐席，或选符合条件、在线且负载最低的坐席。',
        ),
        choices: {
          fixed: words('A fixed group or agent', '指定处理组或坐席'),
          least_loaded: words('Least-loaded agent', '负载最低的坐席'),
        },
      }),
      group: describeField(z.string().min(1).optional(), {
        title: words('Group', '处理组'),
        help: words("Left empty: the ticket's current group.", '留空则用工单当前的处理组。'),
      }),
      agent: describeField(z.string().min(1).optional(), {
        title: words('Agent', '坐席'),
        showWhen: { strategy: ['fixed'] },
      }),
      skill: describeField(z.string().min(1).optional(), {
        title: words('Skill', '技能'),
        help: words('Only agents with this skill.', '只选有此技能的坐席。'),
        group: words('Who qualifies', '候选条件'),
        showWhen: { strategy: ['least_loaded'] },
      }),
      seniority: describeField(Seniority.optional(), {
        title: words('Seniority', '资历'),
        choices: SENIORITY_CHOICES,
        group: words('Who qualifies', '候选条件'),
        showWhen: { strategy: ['least_loaded'] },
      }),
      /** Only agents with fewer open tickets than this. */
      maxOpen: describeField(z.number().int().min(1).optional(), {
        title: words('Most open tickets', '最多在办工单'),
        help: words('Only agents with fewer open tickets than this.', '只选在办工单少于此数的坐席。'),
        group: words('Who qualifies', '候选条件'),
        showWhen: { strategy: ['least_loaded'] },
      }),
      fallback: describeField(z.enum(['group_least_loaded', 'none']).default('none'), {
        title: words('When nobody qualifies', '无人符合时'),
        choices: {
          group_least_loaded: words("The group's least-loaded agent", '组内负载最低的坐席'),
          none: words('Leave unassigned', '不分配坐席'),
        },
        group: words('Who qualifies', '候选条件'),
        showWhen: { strategy: ['least_loaded'] },
      }),
    })
    .refine((c) => c.strategy === 'least_loaded' || c.group !== undefined || c.agent !== undefined, {
      message: bilingual('a fixed assignment names a group or an agent', '指定分配需要填写处理组或坐席'),
      path: ['group'],
    }),
  output: z.object({ agent: z.string().nullable(), name: z.string().optional() }),
  run: (ctx, config) => {
    const group = config.group ?? ctx.ticket.group ?? undefined;
    if (config.strategy === 'fixed') {
      return {
        params: { group: group ?? null, agent: config.agent ?? null },
        patch: { group: group ?? null, ...(config.agent ? { assignee: config.agent } : {}) },
      };
    }
    const picked =
      leastLoadedAgent(ctx.roster, { group, skill: config.skill, seniority: config.seniority, maxOpen: config.maxOpen }) ??
      (config.fallback === 'group_least_loaded' ? leastLoadedAgent(ctx.roster, { group }) : undefined);
    return {
      params: { group: group ?? null, agent: picked?.id ?? null, ...(picked ? {} : { reason: 'no agent available' }) },
      patch: { group: group ?? null, ...(picked ? { assignee: picked.id } : {}) },
      output: picked ? { agent: picked.id, name: picked.name } : { agent: null },
    };
  },
  explain: (ctx, config) => {
    const group = config.group ?? ctx.ticket.group ?? undefined;
    if (config.strategy === 'fixed') return { strategy: 'fixed', group: group ?? null, agent: config.agent ?? null };
    const criteria = { group, skill: config.skill, seniority: config.seniority, maxOpen: config.maxOpen };
    const candidates = consideredAgents(ctx.roster, criteria);
    const fits = candidates.some((c) => c.passedOver === undefined);
    // Nobody fitting: the fallback's weighing (the group's least loaded) is the one that decided.
    const fallback = !fits && config.fallback === 'group_least_loaded';
    return {
      strategy: 'least_loaded',
      group: group ?? null,
      criteria: { skill: config.skill ?? null, seniority: config.seniority ?? null, maxOpen: config.maxOpen ?? null },
      candidates,
      ...(fallback ? { fallback: consideredAgents(ctx.roster, { group }) } : {}),
    };
  },
  summary: (config) =>
    config.strategy === 'fixed'
      ? [config.group, config.agent].filter(Boolean).join(' / ')
      : `${config.group ?? ''} least loaded${config.skill ? ` · ${config.skill}` : ''}${config.seniority ? ` · ${config.seniority}` : ''}`,
});
