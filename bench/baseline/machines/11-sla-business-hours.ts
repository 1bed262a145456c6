import { setup } from 'xstate';
import { escalation, HOUR, machineTypes, onTicket, rec, record, sinceCreated } from '../baseline-setup';
import { businessAfter } from '../business-time';

const CLOCK_DEADLINE = { urgent: 2 * HOUR, high: 4 * HOUR } as const;

/**
 * Scenario 11: customers on the business-hours plan (ids starting BH-) get a first reply within
 * 2 h (urgent) or 4 h (high) round the clock, else within 8 working hours on the default
 * calendar; at the deadline an open ticket without a reply is escalated to level 1.
 */
export const slaBusinessHours = setup({
  types: machineTypes,
  actions: { record },
  delays: {
    deadline: ({ event }) => {
      const { priority, createdAt } = event.run.ticket;
      if (priority !== 'normal') return sinceCreated(CLOCK_DEADLINE[priority])({ event });
      return Math.max(0, businessAfter(Date.parse(createdAt), 8 * HOUR) - event.now);
    },
  },
}).createMachine({
  id: 'sla-business-hours',
  initial: 'idle',
  states: {
    idle: { on: { 'ticket.created': { guard: onTicket((t) => t.customer.id.startsWith('BH-')), target: 'awaitReply' } } },
    awaitReply: {
      on: { 'agent.reply': 'idle' },
      after: {
        deadline: [
          {
            guard: onTicket((t) => t.status !== 'resolved' && t.status !== 'closed'),
            target: 'idle',
            actions: rec(({ event }) =>
              escalation(event.run.ticket, 1, 'supervisor', '首次响应超时（工作时间） first response missed (business hours)'),
            ),
          },
          { target: 'idle' },
        ],
      },
    },
  },
});
