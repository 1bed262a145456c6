import type { Ticket } from '@switchyard/flow';

/** One action as the dry-run contract reports it. */
export interface DryRunAction {
  readonly at: string;
  readonly flow: string;
  readonly node: string;
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A problem while running a ticket; any of these makes the CLI exit 1. */
export interface DryRunError {
  readonly at: string;
  readonly flow: string;
  readonly node?: string;
  readonly message: string;
}

/** The dry-run contract's per-ticket object (SCENARIOS.md), plus `paths` by flow. */
export interface DryRunResult {
  readonly ticketId: string;
  /** Node ids in the order they were entered, across all flows. */
  readonly path: readonly string[];
  readonly actions: readonly DryRunAction[];
  readonly final: Pick<Ticket, 'status' | 'priority' | 'category' | 'group' | 'assignee' | 'tags' | 'flags'>;
  readonly errors: readonly DryRunError[];
  /** The same path split by flow, for when node ids repeat across flows. */
  readonly paths: Readonly<Record<string, readonly string[]>>;
}
