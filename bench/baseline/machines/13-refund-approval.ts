import { setup } from 'xstate';
import { escalation, HOUR, machineTypes, onTicket, rec, record } from '../baseline-setup';
import { businessAfter } from '../business-time';
import { hasAny, replyStep, ticketText } from '../text';

const FLOW = 'refund-approval';
const NODE = 'ra-approval';

/**
 * Scenario 13: an after-sales ticket asking for a refund gets the level two `refund` and waits
 * up to 8 working hours for the finance director: approved or rejected, the customer is told;
 * no decision in time, the ticket is escalated to the supervisor.
 */
export const refundApproval = setup({
  types: machineTypes,
  actions: { record },
  delays: { decideBy: ({ event }) => Math.max(0, businessAfter(event.now, 8 * HOUR) - event.now) },
}).createMachine({
  id: FLOW,
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': {
          guard: onTicket((t) => t.category === 'after_sales' && hasAny(ticketText(t), ['退款', '退钱', 'refund'])),
          target: 'awaitDecision',
          actions: rec({
            type: 'set_category',
            params: { category: 'after_sales', subcategory: 'refund' },
            patch: { category: 'after_sales', subcategory: 'refund' },
          }),
        },
      },
    },
    awaitDecision: {
      on: {
        'approval.decided': [
          {
            guard: ({ event }) => event.flow === FLOW && event.node === NODE && event.decision === 'approve',
            target: 'idle',
            actions: rec(({ event }) => {
              const n = event.run.ticket.number;
              return replyStep(
                event.run.ticket,
                `您好，您的工单 ${n} 中的退款申请已审批通过，款项将在 3-5 个工作日内原路退回。`,
                `Hello, the refund asked for in ticket ${n} has been approved; it reaches your original payment method within 3-5 working days.`,
              );
            }),
          },
          {
            guard: ({ event }) => event.flow === FLOW && event.node === NODE,
            target: 'idle',
            actions: rec(({ event }) => {
              const n = event.run.ticket.number;
              return replyStep(
                event.run.ticket,
                `您好，您的工单 ${n} 中的退款申请暂未通过审批，专员会尽快联系您说明原因和其他解决方案。`,
                `Hello, the refund asked for in ticket ${n} was not approved; a member of our team will contact you to explain why and what else we can do.`,
              );
            }),
          },
        ],
      },
      after: {
        decideBy: {
          target: 'idle',
          actions: rec(({ event }) =>
            escalation(event.run.ticket, 1, 'supervisor', '退款审批超时：财务总监 8 个工作小时内未审批 refund not decided in 8 working hours'),
          ),
        },
      },
    },
  },
});
