import type { ReplayRun } from '@switchyard/api';
import type { Ticket } from '@switchyard/flow';
import type { AuditEntry } from '../audit/audit-entry';

/** What production did to a ticket, from its audit entries and its row: what a faithful replay must reproduce. */
export interface ProductionRecord {
  /** Nodes entered, by flow. */
  readonly paths: Readonly<Record<string, readonly string[]>>;
  /** `node type` of each action that ran, by flow. */
  readonly actions: Readonly<Record<string, readonly string[]>>;
  /** Errors, by flow. */
  readonly errors: Readonly<Record<string, number>>;
  readonly slaBreaches: number;
  readonly final: ReplayRun['final'];
}

/** Reads production's record of one ticket: its audit entries in order, and the row as it is now. */
export function productionRecord(ticket: Ticket, entries: readonly AuditEntry[]): ProductionRecord {
  const paths: Record<string, string[]> = {};
  const actions: Record<string, string[]> = {};
  const errors: Record<string, number> = {};
  let slaBreaches = 0;
  for (const e of entries) {
    const flow = e.flowId ?? '';
    if (e.kind === 'flow.transition') {
      (paths[flow] ??= []).push(...e.detail.visits);
      if (e.detail.missedDeadline) slaBreaches++;
    } else if (e.kind === 'action') {
      (actions[flow] ??= []).push(`${e.detail.node} ${e.detail.type}`);
    } else if (e.kind === 'flow.error') {
      errors[flow] = (errors[flow] ?? 0) + 1;
    }
  }
  const { status, priority, category, subcategory, group, assignee, tags, flags } = ticket;
  return { paths, actions, errors, slaBreaches, final: { status, priority, category, subcategory, group, assignee, tags, flags } };
}

/** A replay in the same terms, to compare. */
export function replayRecord(run: ReplayRun): ProductionRecord {
  const actions: Record<string, string[]> = {};
  for (const a of run.actions) (actions[a.flow] ??= []).push(`${a.node} ${a.type}`);
  const errors: Record<string, number> = {};
  for (const e of run.errors) errors[e.flow] = (errors[e.flow] ?? 0) + 1;
  return { paths: run.paths, actions, errors, slaBreaches: run.slaBreaches, final: run.final };
}
