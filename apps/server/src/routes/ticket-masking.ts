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
import { dataKeys, getTicket, NotFoundError, type RuntimeContext } from '@switchyard/runtime';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';

/** Until sign-in names the caller, a request passed the admin token (or auth is off): it sees everything. */
const FULL_ACCESS: TicketViewer = { roles: ['admin'], groups: [], agentId: null };

/** Who reads this ticket answer. */
export function ticketViewer(c: Context<AppEnv>): TicketViewer {
  void c;
  return FULL_ACCESS;
}

/** A ticket as this viewer may see it: the customer in clear for its assignee, its group's supervisors and admins, masked for others. */
export function ticketFor(viewer: TicketViewer, ticket: TicketView): TicketView {
  return seesCustomerContact(viewer, ticket) ? ticket : maskTicketView(ticket);
}

/** A ticket's history or conversation as this viewer may see it (the ticket decides: its group, its assignee, its customer). */
export async function ticketPartsFor<T extends HistoryEntry[] | TicketMessage[]>(
  ctx: RuntimeContext,
  viewer: TicketViewer,
  ticketId: string,
  parts: T,
  mask: (parts: T, customer: TicketView['customer']) => T,
): Promise<T> {
  if (viewer.roles.includes('admin')) return parts;
  const ticket = await getTicket(ctx.db, ticketId, dataKeys(ctx));
  if (!ticket) throw new NotFoundError('ticket', ticketId);
  return seesCustomerContact(viewer, ticket) ? parts : mask(parts, ticket.customer);
}

export const maskHistoryParts = (parts: HistoryEntry[], customer: TicketView['customer']) => maskHistory(parts, customer);
export const maskMessageParts = (parts: TicketMessage[], customer: TicketView['customer']) => maskMessages(parts, customer);
