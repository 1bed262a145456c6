import { setup } from 'xstate';
import { escalation, machineTypes, MINUTE, onTicket, rec, record, sinceCreated } from '../baseline-setup';

/** Scenario 9: an urgent fault not accepted in 15 min escalates to 1, not resolved in 60 min to 2. */
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
      on: { 'ticket.status': { guard: onTicket((t) => t.status === 'processing'), target: 'awaitResolve' } },
      after: {
        acceptBy: {
          target: 'awaitResolve',
          actions: rec(({ event }) => escalation(event.run.ticket, 1, 'supervisor', '紧急故障 15 分钟未接单 not accepted in 15 min')),
        },
      },
    },
    awaitResolve: {
      on: { 'ticket.status': { guard: onTicket((t) => t.status === 'resolved'), target: 'idle' } },
      after: {
        resolveBy: {
          target: 'idle',
          actions: rec(({ event }) => escalation(event.run.ticket, 2, 'manager', '紧急故障 60 分钟未解决 not resolved in 60 min')),
        },
      },
    },
  },
});
