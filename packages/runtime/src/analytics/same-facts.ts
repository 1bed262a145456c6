import type { StoredFacts } from './next-facts';

const sameTime = (a: Date | null, b: Date | null): boolean => (a === null || b === null ? a === b : a.getTime() === b.getTime());

/**
 * Whether a ticket's facts are what its row already holds: most events of a batch (a message, a
 * flow moving on) change none, and such a ticket then needs no facts write and adds nothing to
 * the daily counts (its old and new contributions would cancel out).
 */
export function sameFacts(a: StoredFacts | undefined, b: StoredFacts): boolean {
  return (
    a !== undefined &&
    a.ticketId === b.ticketId &&
    sameTime(a.createdAt, b.createdAt) &&
    a.channel === b.channel &&
    a.group === b.group &&
    a.category === b.category &&
    a.status === b.status &&
    a.assignee === b.assignee &&
    a.firstResponseMs === b.firstResponseMs &&
    sameTime(a.resolvedAt, b.resolvedAt) &&
    a.agentReplies === b.agentReplies &&
    a.reopened === b.reopened &&
    a.csat === b.csat &&
    a.breached === b.breached &&
    a.routedFlow === b.routedFlow &&
    a.routedNode === b.routedNode &&
    sameTime(a.routedAt, b.routedAt) &&
    a.categorizedFlow === b.categorizedFlow &&
    a.categorizedNode === b.categorizedNode &&
    a.misrouted === b.misrouted &&
    a.corrected === b.corrected
  );
}
