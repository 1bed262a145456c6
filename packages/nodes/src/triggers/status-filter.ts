import { type Locale, TicketStatus } from '@switchyard/flow';
import { z } from 'zod';
import type { NodeContext } from '../sdk/node-context';

/**
 * The statuses a `status_changed` trigger or a `ticket.status` wait listens for: one
 * ("resolved") or any of a list (["processing", "resolved", "closed"]).
 * @example StatusFilter.parse(['resolved', 'closed'])
 */
export const StatusFilter = z.union([TicketStatus, z.array(TicketStatus).min(1)]);
export type StatusFilter = z.infer<typeof StatusFilter>;

/**
 * True when the status a ticket.status event brings is one the filter names; no filter
 * matches every status. The event's own status counts, not the ticket's: when flows change
 * the status twice in one step, the first event arrives after the ticket has moved on.
 * @example matchesStatus(ctx, ['resolved', 'closed'])
 */
export function matchesStatus(ctx: NodeContext, filter: StatusFilter | undefined): boolean {
  if (filter === undefined) return true;
  const status = ctx.event?.type === 'ticket.status' ? ctx.event.status : ctx.ticket.status;
  return typeof filter === 'string' ? status === filter : filter.includes(status);
}

/**
 * The filter as the canvas shows it.
 * @example describeStatuses(['processing', 'resolved'], 'en') // "processing or resolved"
 */
export function describeStatuses(filter: StatusFilter, locale: Locale): string {
  if (typeof filter === 'string') return filter;
  return filter.join(locale === 'en' ? ' or ' : ' 或 ');
}
