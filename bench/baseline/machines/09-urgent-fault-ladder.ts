import { setup } from 'xstate';
import { escalation, machineTypes, MINUTE, onTicket, rec, record, sinceCreated, toStatus } from '../baseline-setup';

const accepted = toStatus('processing', 'resolved', 'closed');
const stillOpen = onTicket((t) => t.status !== 'resolved' && t.status !== 'closed');

/**
 * Scenario 9: an urgent fault not accepted (processing, resolved or closed) in 15 min escalates
 * to 1, not resolved or closed in 60 min to 2; one resolved or closed before it was accepted is left alone.
 */
export const urgentFaultLadder = setup({
  types: machineTypes,
  actions: { record },
  delays: { acceptBy: sinceCreated(15 * MINUTE), resolveBy: sinceCreated(60 * MINUTE) },
}).createMachine({
  id: 'urgent-fault-ladder',
  initial: 'idle',
  states: {
    idle: {
      on: { 'ticket.created': { guard: onTicket((t) => t.category === 'fault' && t.priority === 'urgent'), target: 'awaitAccept' } },
    },
    awaitAccept: {
      on: {
        'ticket.status': [
          { guard: (args) => accepted(args) && stillOpen(args), target: 'awaitResolve' },
          { guard: accepted, target: 'idle' },
        ],
      },
      after: {
        acceptBy: {
          target: 'awaitResolve',
          actions: rec(({ event }) => escalation(event.run.ticket, 1, 'supervisor', '紧急故障 15 分钟未接单 not accepted in 15 min')),
        },
      },
    },
    awaitResolve: {
      on: { 'ticket.status': { guard: toStatus('resolved', 'closed'), target: 'idle' } },
      after: {
        resolveBy: {
          target: 'idle',
          actions: rec(({ event }) => escalation(event.run.ticket, 2, 'manager', '紧急故障 60 分钟未解决 not resolved in 60 min')),
        },
      },
    },
  },
});
