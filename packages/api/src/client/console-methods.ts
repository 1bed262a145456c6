import {
  ActionDone,
  CustomerView,
  type EscalateRequest,
  type NoteRequest,
  QueueCounts,
  type StatusRequest,
  StepIn,
  type StepInRequest,
  TicketTrace,
  type TransferRequest,
  UserNotificationList,
} from '../console';
import { ApprovalList, type ApprovalListQuery, type DecideApprovalRequest } from '../approvals';
import { EventAccepted } from '../tickets';
import type { HttpCall } from './http-call';

const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

/**
 * The service console's methods of `createApiClient`: queue counts, an agent's actions on a
 * ticket (each a ticket event under the signed-in user's name), the trace, step-in, customers
 * and the signed-in user's notifications. The queue itself is `listTickets({ view, sort, q, cursor })`.
 */
export function consoleMethods(call: HttpCall) {
  return {
    /** How many tickets each queue holds for the caller, and per agent: open, at risk, overdue. */
    queueCounts: () => call(QueueCounts, 'GET', '/api/queues'),
    /** Answers the customer as the signed-in agent (the flows see `agent.reply`). */
    reply: (ticketId: string, body: string) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/reply`, { body }),
    setStatus: (ticketId: string, body: StatusRequest) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/status`, body),
    /** An internal note; each mentioned agent is notified. */
    addNote: (ticketId: string, body: NoteRequest) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/notes`, body),
    transfer: (ticketId: string, body: TransferRequest) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/transfer`, body),
    take: (ticketId: string) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/take`, {}),
    release: (ticketId: string) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/release`, {}),
    escalate: (ticketId: string, body: EscalateRequest = {}) => call(ActionDone, 'POST', `${ticketPath(ticketId)}/escalate`, body),
    /** A supervisor takes an abnormal ticket and records the cause and the fix. */
    stepIn: (ticketId: string, body: StepInRequest) => call(StepIn, 'POST', `${ticketPath(ticketId)}/step-in`, body),
    /** Why each flow did what it did: path, condition answers and inputs, resting node, timers. */
    trace: (ticketId: string) => call(TicketTrace, 'GET', `${ticketPath(ticketId)}/trace`),
    customer: (customerId: string) => call(CustomerView, 'GET', `/api/customers/${encodeURIComponent(customerId)}`),
    /** The signed-in user's notices (mentions, transfers), newest first. */
    myNotifications: () => call(UserNotificationList, 'GET', '/api/me/notifications'),
    /** The approvals the signed-in person may decide: those waiting (oldest first), or the decided ones (newest first). */
    approvals: (status: ApprovalListQuery['status'] = 'waiting') => call(ApprovalList, 'GET', `/api/approvals?status=${status}`),
    /** Approves or rejects, with an optional note; the flow goes on when a worker applies it. */
    decideApproval: (id: string, body: DecideApprovalRequest) =>
      call(EventAccepted, 'POST', `/api/approvals/${encodeURIComponent(id)}`, body),
  };
}
