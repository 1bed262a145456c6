import { setup } from 'xstate';
import { HOUR, machineTypes, rec, record, toStatus } from '../baseline-setup';

const VALID_DAYS = 7;

/** Scenario 5: survey 24 h after the ticket is resolved (by an agent or a machine), unless the customer writes first. */
export const csatSurvey = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'csat-survey',
  initial: 'idle',
  states: {
    idle: { on: { 'ticket.status': { guard: toStatus('resolved'), target: 'waiting' } } },
    waiting: {
      on: { 'customer.message': 'idle' },
      after: {
        [24 * HOUR]: {
          target: 'idle',
          actions: rec(({ event }) => ({
            type: 'survey',
            params: { validDays: VALID_DAYS, validUntil: new Date(event.now + VALID_DAYS * 86_400_000).toISOString() },
          })),
        },
      },
    },
  },
});
