import type { Ticket } from '@switchyard/flow';
import { setup } from 'xstate';
import type { Step } from '../baseline-run';
import { escalation, HOUR, machineTypes, MINUTE, onTicket, rec, record, sinceCreated } from '../baseline-setup';

const DEADLINE = { urgent: 30 * MINUTE, high: 2 * HOUR, normal: 4 * HOUR } as const;

function reminder(t: Ticket): Step {
  const toAssignee = t.assignee !== null && t.assignee !== '';
  const body = toAssignee
    ? `工单 ${t.number}（${t.priority}）已创建 10 分钟仍未回复，请尽快处理。Ticket ${t.number} has waited 10 minutes for a first reply.`
    : `工单 ${t.number}（${t.priority}）已创建 10 分钟仍无人回复，请组内尽快认领。Ticket ${t.number} has no reply after 10 minutes; please pick it up.`;
  return { type: 'notify', params: { to: toAssignee ? 'assignee' : 'group', via: 'im', recipient: toAssignee ? t.assignee : t.group, body } };
}

/** Scenario 4: remind at 10 min, escalate and tag at the priority's deadline, unless an agent replied. */
export const slaFirstResponse = setup({
  types: machineTypes,
  actions: { record },
  delays: {
    reminder: sinceCreated(10 * MINUTE),
    deadline: (args) => sinceCreated(DEADLINE[args.event.run.ticket.priority])(args),
  },
}).createMachine({
  id: 'sla-first-response',
  initial: 'idle',
  states: {
    idle: { on: { 'ticket.created': 'beforeReminder' } },
    beforeReminder: {
      on: { 'agent.reply': 'idle' },
      after: { reminder: { target: 'beforeDeadline', actions: rec(({ event }) => reminder(event.run.ticket)) } },
    },
    beforeDeadline: {
      on: { 'agent.reply': 'idle' },
      after: {
        deadline: [
          {
            guard: onTicket((t) => t.status !== 'resolved' && t.status !== 'closed'),
            target: 'idle',
            actions: [
              rec(({ event }) => escalation(event.run.ticket, 1, 'supervisor', '首次响应超时 first-response SLA breached')),
              rec(({ event }) => {
                const tags = event.run.ticket.tags;
                return { type: 'add_tag', params: { tag: 'sla_breached' }, patch: { tags: tags.includes('sla_breached') ? tags : [...tags, 'sla_breached'] } };
              }),
            ],
          },
          { target: 'idle' },
        ],
      },
    },
  },
});
