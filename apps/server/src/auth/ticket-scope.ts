import { getTicket, NotFoundError, type RuntimeContext, type TicketView } from '@switchyard/runtime';
import type { Principal } from './principal';

/** The tickets a caller reaches: all (admins, the admin token), or those of their groups and assigned to their agent. */
export type TicketScope = { readonly groups: readonly string[]; readonly agentId: string | null } | undefined;

/** Undefined (every ticket) for admins and the admin token; otherwise the caller's groups and agent. */
export function ticketScopeOf(principal: Principal): TicketScope {
  if (principal.kind === 'admin-token' || principal.roles.includes('admin')) return undefined;
  return { groups: principal.groups, agentId: principal.agentId };
}

/** Whether a ticket is within a scope: its group is one of the caller's, or it is assigned to the caller's agent. */
export function ticketInScope(ticket: Pick<TicketView, 'group' | 'assignee'>, scope: TicketScope): boolean {
  if (!scope) return true;
  return (ticket.group !== null && scope.groups.includes(ticket.group)) || (scope.agentId !== null && ticket.assignee === scope.agentId);
}

/**
 * The ticket, if the caller reaches it; a ticket outside their scope is a 404 exactly like
 * a missing one, so ticket ids of other groups do not leak.
 */
export async function reachableTicket(ctx: RuntimeContext, principal: Principal, id: string): Promise<TicketView> {
  const ticket = await getTicket(ctx.db, id);
  if (!ticket || !ticketInScope(ticket, ticketScopeOf(principal))) throw new NotFoundError('ticket', id);
  return ticket;
}
