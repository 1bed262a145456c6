import { dataKeys, getTicket, NotFoundError, type RuntimeContext, type TicketView } from '@switchyard/runtime';
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
 * Throws the 404 of a missing ticket when the caller does not reach it: a ticket outside their
 * scope answers exactly like a missing one, so ticket ids of other groups do not leak. Callers
 * who reach every ticket cost no query (the route itself 404s a missing one).
 */
export async function assertTicketReachable(ctx: RuntimeContext, principal: Principal, id: string): Promise<void> {
  const scope = ticketScopeOf(principal);
  if (!scope) return;
  const row = await ctx.db.selectFrom('tickets').select(['group', 'assignee']).where('id', '=', id).executeTakeFirst();
  if (!row || !ticketInScope(row, scope)) throw new NotFoundError('ticket', id);
}

/** The ticket as the API shows it, if the caller reaches it; otherwise the 404 of a missing one. */
export async function reachableTicket(ctx: RuntimeContext, principal: Principal, id: string): Promise<TicketView> {
  const ticket = await getTicket(ctx.db, id, dataKeys(ctx));
  if (!ticket || !ticketInScope(ticket, ticketScopeOf(principal))) throw new NotFoundError('ticket', id);
  return ticket;
}
