import { z } from 'zod';
import type { AuditEntry } from './audit-entry';

/** Statuses that end a ticket's service: completed, and the end of its resolution time. */
export const DONE_STATUSES = ['resolved', 'closed'] as const;

/** An outcome column an audit entry sets (to the entry's time, unless it was set earlier). */
export type OutcomeColumn = 'errored_at' | 'escalated_at' | 'sla_breached_at' | 'resolved_at';

/** One outcome of a ticket in one flow, or in every flow of the ticket (`flowId` null). */
export interface OutcomeMark {
  readonly ticketId: string;
  readonly flowId: string | null;
  readonly column: OutcomeColumn;
  readonly at: Date;
}

const DoneStatus = z.object({ status: z.enum(DONE_STATUSES) });

/**
 * The outcomes a batch of audit entries records: the one place that decides what counts as
 * an error, an escalation, an SLA breach or a resolution for the metrics and guardrails.
 * It reads the entries' typed details: a renamed field fails to compile here.
 * @example outcomeMarks([{ kind: 'flow.error', ticketId: 't1', flowId: 'intake', ... }]) // [{ column: 'errored_at', ... }]
 */
export function outcomeMarks(entries: readonly AuditEntry[]): OutcomeMark[] {
  const marks: OutcomeMark[] = [];
  for (const entry of entries) {
    const { ticketId, flowId, at } = entry;
    if (ticketId === null) continue;
    const mark = (column: OutcomeColumn, flow: string | null) => marks.push({ ticketId, flowId: flow, column, at });
    switch (entry.kind) {
      case 'flow.error':
      case 'effect.dead':
        if (flowId !== null) mark('errored_at', flowId);
        break;
      case 'action':
        if (flowId !== null && entry.detail.type === 'escalate') mark('escalated_at', flowId);
        // A status is the ticket's: every flow of it sees the resolution.
        if (entry.detail.type === 'set_status' && DoneStatus.safeParse(entry.detail.params).success) mark('resolved_at', null);
        break;
      case 'event.received':
        if (entry.detail.event.type === 'ticket.status' && DoneStatus.safeParse(entry.detail.event).success) mark('resolved_at', null);
        break;
      case 'flow.transition':
        if (flowId !== null && entry.detail.missedDeadline === true) mark('sla_breached_at', flowId);
        break;
      default:
        break;
    }
  }
  return marks;
}
