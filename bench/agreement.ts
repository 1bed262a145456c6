import type { DryRunResult } from '@switchyard/runtime';
import type { BaselineResult } from './baseline/run-baseline';

/** One ticket whose two action-type lists differ. */
export interface Disagreement {
  readonly ticketId: string;
  readonly dryRun: readonly string[];
  readonly baseline: readonly string[];
}

export interface Agreement {
  readonly agreeing: number;
  readonly total: number;
  readonly disagreements: readonly Disagreement[];
}

/**
 * Compares, ticket by ticket, the sequence of action types the dry-run recorded with the
 * one the hand-written machines recorded: the check that both sides did the same work.
 */
export function compareActionTypes(dryRun: readonly DryRunResult[], baseline: readonly BaselineResult[]): Agreement {
  const byId = new Map(baseline.map((b) => [b.ticketId, b]));
  const disagreements: Disagreement[] = [];
  for (const result of dryRun) {
    const ours = result.actions.map((a) => a.type);
    const theirs = byId.get(result.ticketId)?.actions.map((a) => a.type) ?? [];
    if (ours.length !== theirs.length || ours.some((t, i) => t !== theirs[i])) {
      disagreements.push({ ticketId: result.ticketId, dryRun: ours, baseline: theirs });
    }
  }
  return { agreeing: dryRun.length - disagreements.length, total: dryRun.length, disagreements };
}
