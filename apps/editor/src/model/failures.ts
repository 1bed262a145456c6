import type { EffectView, FlowErrorView } from '@switchyard/api';

/** How far back the editor looks for failures. */
export const FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Something that went wrong on a ticket: a side effect given up (dead-lettered), or an error the flow met. */
export interface Failure {
  readonly kind: 'dead' | 'error';
  readonly id: string;
  readonly ticketId: string;
  readonly flowId: string;
  /** The node it happened at; null for a flow error outside any node. */
  readonly nodeId: string | null;
  readonly message: string;
  /** When it was given up (dead) or happened (error). */
  readonly at: string;
  /** Tries made, for a dead effect. */
  readonly attempts?: number;
}

const key = (ticketId: string, flowId: string, nodeId: string | null) => `${ticketId}\u0000${flowId}\u0000${nodeId ?? ''}`;

/**
 * The dead effects and flow errors as one list, newest first. A dead effect on a node without an
 * error branch also ends its flow with an error at that node: that is one failure, listed once
 * (as the dead effect, which says more).
 */
export function mergeFailures(dead: readonly EffectView[], errors: readonly FlowErrorView[]): Failure[] {
  const deadAt = new Set(dead.map((e) => key(e.ticketId, e.flowId, e.nodeId)));
  const list: Failure[] = [
    ...dead.map((e) => ({
      kind: 'dead' as const,
      id: `effect:${e.id}`,
      ticketId: e.ticketId,
      flowId: e.flowId,
      nodeId: e.nodeId,
      message: e.lastError ?? '',
      at: e.doneAt ?? e.createdAt,
      attempts: e.attempts,
    })),
    ...errors
      .filter((e) => !deadAt.has(key(e.ticketId, e.flowId, e.nodeId)))
      .map((e) => ({
        kind: 'error' as const,
        id: `error:${e.id}`,
        ticketId: e.ticketId,
        flowId: e.flowId,
        nodeId: e.nodeId,
        message: e.message,
        at: e.at,
      })),
  ];
  return list.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id));
}

/** How many failures each node had, for the badges on the canvas. */
export function failuresByNode(failures: readonly Failure[], flowId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of failures) if (f.flowId === flowId && f.nodeId) counts.set(f.nodeId, (counts.get(f.nodeId) ?? 0) + 1);
  return counts;
}

/** How many failures each flow had, for the flows list. */
export function failuresByFlow(failures: readonly Failure[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f.flowId, (counts.get(f.flowId) ?? 0) + 1);
  return counts;
}

/** The failures newer than `seenAt` (an ISO instant; null: never looked), for the bell. */
export function unseenFailures(failures: readonly Failure[], seenAt: string | null): Failure[] {
  const since = seenAt === null ? Number.NEGATIVE_INFINITY : Date.parse(seenAt);
  return failures.filter((f) => Date.parse(f.at) > since);
}

/** A ticket's short name in lists: its id's first 8 characters. */
export const shortTicket = (ticketId: string): string => ticketId.slice(0, 8);
