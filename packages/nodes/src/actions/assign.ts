import { bilingual } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { leastLoadedAgent, Seniority } from '../sdk/roster';

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
      group: z.string().min(1).optional(),
      agent: z.string().min(1).optional(),
      strategy: z.enum(['fixed', 'least_loaded']).default('fixed'),
      skill: z.string().min(1).optional(),
      seniority: Seniority.optional(),
      /** Only agents with fewer open tickets than this. */
      maxOpen: z.number().int().min(1).optional(),
      fallback: z.enum(['group_least_loaded', 'none']).default('none'),
    })
    .refine((c) => c.strategy === 'least_loaded' || c.group !== undefined || c.agent !== undefined, {
      message: bilingual('a fixed assignment names a group or an agent', '指定分配需要填写处理组或坐席'),
      path: ['group'],
    }),
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
  summary: (config) =>
    config.strategy === 'fixed'
      ? [config.group, config.agent].filter(Boolean).join(' / ')
      : `${config.group ?? ''} least loaded${config.skill ? ` · ${config.skill}` : ''}${config.seniority ? ` · ${config.seniority}` : ''}`,
});
