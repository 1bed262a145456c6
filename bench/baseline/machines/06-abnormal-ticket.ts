import { setup } from 'xstate';
import { escalation, HOUR, machineTypes, rec, record } from '../baseline-setup';

/** Scenario 6: the third message of an open ticket flags and escalates; no reply in 2 h escalates again. */
export const abnormalTicket = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'abnormal-ticket',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'customer.message': {
          guard: ({ event }) =>
            event.run.counters.customerMessages === 3 && event.run.ticket.status !== 'resolved' && event.run.ticket.status !== 'closed',
          target: 'awaitingReply',
          actions: [
            rec(({ event }) => {
              const flags = event.run.ticket.flags;
              return { type: 'flag', params: { flag: 'abnormal' }, patch: { flags: flags.includes('abnormal') ? flags : [...flags, 'abnormal'] } };
            }),
            rec(({ event }) => escalation(event.run.ticket, 1, 'supervisor', '客户连续 3 次咨询未解决 3 messages without resolution')),
          ],
        },
      },
    },
    awaitingReply: {
      on: { 'agent.reply': 'idle' },
      after: {
        [2 * HOUR]: {
          target: 'idle',
          actions: rec(({ event }) => escalation(event.run.ticket, 2, 'supervisor', '异常工单 2 小时无人回复 no reply 2 h after flagging')),
        },
      },
    },
  },
});
