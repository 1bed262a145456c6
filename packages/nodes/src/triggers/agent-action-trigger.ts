import { AgentActionKind, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { AGENT_ACTION_CHOICES, words } from '../sdk/field-words';

/**
 * Starts a run when an agent or supervisor acts on the ticket in the console (take, release,
 * transfer, note, escalate, step-in: each an `agent.action` event), optionally only for the
 * chosen actions. The ticket already holds what the action left (group, assignee, level).
 * @example { id: 'on-transfer', type: 'agent_action', config: { actions: ['transfer', 'escalate'] } }
 */
export const agentActionTrigger = defineNode({
  type: 'agent_action',
  kind: 'trigger',
  event: 'agent.action',
  icon: 'user-round',
  title: { en: 'Agent action', 'zh-CN': '坐席操作' },
  description: {
    en: 'An agent or supervisor takes, releases, transfers, notes, escalates or steps into the ticket; optionally only the chosen actions.',
    'zh-CN': '坐席或主管对工单接手、释放、转派、备注、升级或介入时触发，可只限所选操作。',
  },
  config: z.strictObject({
    actions: describeField(z.array(AgentActionKind).min(1).optional(), {
      title: words('Only these actions', '只限这些操作'),
      help: words('Left empty: every agent action.', '留空则任何坐席操作都触发。'),
      choices: AGENT_ACTION_CHOICES,
    }),
  }),
  matches: (ctx, config) =>
    ctx.event?.type === 'agent.action' && (config.actions === undefined || config.actions.includes(ctx.event.action)),
  summary: (config, locale) => {
    if (config.actions === undefined) return locale === 'en' ? 'any action' : '任意操作';
    return config.actions.map((a) => AGENT_ACTION_CHOICES[a]?.[locale] ?? a).join(locale === 'en' ? ', ' : '、');
  },
});
