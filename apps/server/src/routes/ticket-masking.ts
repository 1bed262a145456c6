import {
  type HistoryEntry,
  maskHistory,
  maskMessages,
  maskTicketView,
  seesCustomerContact,
  type TicketMessage,
  type TicketView,
  type TicketViewer,
} from '@switchyard/api';

/** A ticket as this viewer may see it: the customer in clear for its assignee, its group's supervisors and admins, masked for others. */
export function ticketFor(viewer: TicketViewer, ticket: TicketView): TicketView {
  return seesCustomerContact(viewer, ticket) ? ticket : maskTicketView(ticket);
}

/** A ticket's history as this viewer may see it (the ticket decides: its group, its assignee, its customer). */
export function historyFor(viewer: TicketViewer, ticket: TicketView, entries: HistoryEntry[]): HistoryEntry[] {
  return seesCustomerContact(viewer, ticket) ? entries : maskHistory(entries, ticket.customer);
}

/** A ticket's conversation as this viewer may see it. */
export function messagesFor(viewer: TicketViewer, ticket: TicketView, messages: TicketMessage[]): TicketMessage[] {
  return seesCustomerContact(viewer, ticket) ? messages : maskMessages(messages, ticket.customer);
}
