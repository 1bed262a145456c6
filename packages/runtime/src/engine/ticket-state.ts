import type { Ticket, TicketEvent, TicketPatch } from '@switchyard/flow';
import type { TicketStats } from '@switchyard/nodes';

const RECENT_MESSAGES = 10;

/** A ticket with the counters conditions read; what every host keeps per ticket. */
export interface TicketState {
  readonly ticket: Ticket;
  readonly stats: TicketStats;
}

/**
 * What a ticket event does to the ticket itself, before any flow sees it: a status
 * event sets the status (a resolve restarts the message count), messages and replies
 * update the counters, an agent's action sets the assignment it left.
 */
export function applyTicketEvent(state: TicketState, event: TicketEvent, now: Date): TicketState {
  const { ticket, stats } = state;
  switch (event.type) {
    case 'customer.message':
      return {
        ticket,
        stats: {
          ...stats,
          customerMessages: stats.customerMessages + 1,
          recentMessages: [...stats.recentMessages, event.body].slice(-RECENT_MESSAGES),
        },
      };
    case 'agent.reply':
      return {
        ticket,
        stats: { ...stats, agentReplies: stats.agentReplies + 1, firstAgentReplyAt: stats.firstAgentReplyAt ?? now.toISOString() },
      };
    case 'ticket.status': {
      const closing = event.status === 'resolved' || event.status === 'closed';
      return {
        ticket: { ...ticket, status: event.status },
        stats: closing ? { ...stats, customerMessages: 0, recentMessages: [] } : stats,
      };
    }
    case 'agent.action':
      // The assignment the action left (in a durable run the row already holds it: applying it again changes nothing).
      return { ticket: { ...ticket, group: event.group, assignee: event.assignee, escalationLevel: event.escalationLevel }, stats };
    case 'ticket.created':
    case 'survey.response':
    case 'approval.decided':
    case 'customer.confirmed':
      return state;
  }
}

/** Applies an action's ticket patch; a resolve by an action restarts the message count too. */
export function applyPatch(state: TicketState, patch: TicketPatch | undefined): TicketState {
  if (!patch || Object.keys(patch).length === 0) return state;
  const resolving =
    patch.status !== undefined && patch.status !== state.ticket.status && (patch.status === 'resolved' || patch.status === 'closed');
  return {
    ticket: { ...state.ticket, ...patch },
    stats: resolving ? { ...state.stats, customerMessages: 0, recentMessages: [] } : state.stats,
  };
}
