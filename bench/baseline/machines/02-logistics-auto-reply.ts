import { setup } from 'xstate';
import { machineTypes, onTicket, rec, record } from '../baseline-setup';
import { orderNumber, replyStep } from '../text';

/** What the logistics service answers in dry-run (the flow's sampleResponse). */
const TRACKING = { status: '运输中 in transit', eta: '2026-01-07' };

/** Scenario 2: track and reply with the status, or ask for the order number. */
export const logisticsAutoReply = setup({ types: machineTypes, actions: { record } }).createMachine({
  id: 'logistics-auto-reply',
  initial: 'idle',
  states: {
    idle: {
      on: {
        'ticket.created': [
          {
            guard: onTicket((t) => t.category === 'logistics' && orderNumber(t) !== undefined),
            actions: [
              rec(({ event }) => ({
                type: 'http',
                params: { method: 'GET', url: `http://127.0.0.1:4010/api/v1/tracking/${orderNumber(event.run.ticket)}`, simulated: true },
              })),
              rec(({ event }) => {
                const t = event.run.ticket;
                const order = orderNumber(t) ?? '';
                return replyStep(
                  t,
                  `您好，您的工单 ${t.number} 已受理。订单 ${order} 当前物流状态：${TRACKING.status}，预计 ${TRACKING.eta} 送达。如有其他问题，我们会在 24 小时内为您处理，请稍等~`,
                  `Hello, your ticket ${t.number} has been received. Order ${order} is currently: ${TRACKING.status}, expected delivery ${TRACKING.eta}. Anything else will be handled within 24 hours.`,
                );
              }),
            ],
          },
          {
            guard: onTicket((t) => t.category === 'logistics'),
            actions: rec(({ event }) =>
              replyStep(
                event.run.ticket,
                `您好，您的工单 ${event.run.ticket.number} 已收到。为了帮您查询物流，请回复您的订单号（DD 开头，例如 DD202405001），我们会在 24 小时内为您处理~`,
                `Hello, we have received your ticket ${event.run.ticket.number}. To track your parcel, please reply with your order number (it starts with DD, e.g. DD202405001). We will handle it within 24 hours.`,
              ),
            ),
          },
        ],
      },
    },
  },
});
