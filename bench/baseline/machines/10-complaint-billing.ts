import { setup } from 'xstate';
import { escalation, machineTypes, onTicket, rec, record } from '../baseline-setup';
import { hasAny, ticketText } from '../text';

const PAID = ['付费', '会员', '订阅', 'paid', 'subscription'];
const REASON = '付费功能投诉 complaint about a paid feature';
const BILLING_URL = `${process.env.BILLING_URL ?? 'http://127.0.0.1:4010'}/subscriptions/suspend`;

/** Scenario 10: a complaint about a paid feature pauses billing (simulated), then escalates. */
export const complaintBilling = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'complaint-billing',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': {
          guard: onTicket((t) => t.category === 'complaint' && hasAny(ticketText(t), PAID)),
          actions: [
            rec(({ event }) => ({
              type: 'billing.suspend',
              params: { customerId: event.run.ticket.customer.id, ticketId: event.run.ticket.id, reason: REASON, url: BILLING_URL, simulated: true },
            })),
            rec(({ event }) => escalation(event.run.ticket, 1, 'supervisor', '付费功能投诉，已暂停计费 paid-feature complaint, billing paused')),
          ],
        },
      },
    },
  },
});
