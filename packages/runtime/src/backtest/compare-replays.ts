import type { DifferenceKind, ReplayError, ReplayRun } from '@switchyard/api';
import type { NodeRegistry } from '@switchyard/nodes';
import { isDeepStrictEqual } from 'node:util';
import type { ProductionRecord } from './production-record';
import { replayRecord } from './production-record';

const FINAL_FIELDS = ['status', 'priority', 'category', 'subcategory', 'group', 'assignee', 'tags', 'flags'] as const;

/**
 * Where a replay of a ticket's own versions first disagrees with what production recorded
 * (each flow's path, then its actions, then its errors, then the SLA breaches, then the
 * final fields); undefined when it reproduces production.
 */
export function firstDifference(production: ProductionRecord, replay: ReplayRun): ReplayError | undefined {
  const replayed = replayRecord(replay);
  const flows = [...new Set([...Object.keys(replayed.paths), ...Object.keys(production.paths), ...Object.keys(production.actions)])];
  for (const field of ['paths', 'actions'] as const) {
    for (const flow of flows) {
      const was = production[field][flow] ?? [];
      const now = replayed[field][flow] ?? [];
      const index = firstMismatch(was, now);
      if (index !== undefined)
        return { field: field === 'paths' ? 'path' : 'actions', flow, index, production: was[index] ?? null, replay: now[index] ?? null };
    }
  }
  for (const flow of flows) {
    const was = production.errors[flow] ?? 0;
    const now = replayed.errors[flow] ?? 0;
    if (was !== now) return { field: 'errors', flow, production: was, replay: now };
  }
  if (production.slaBreaches !== replayed.slaBreaches)
    return { field: 'slaBreaches', production: production.slaBreaches, replay: replayed.slaBreaches };
  for (const field of FINAL_FIELDS) {
    if (!sameValue(production.final[field], replayed.final[field]))
      return { field, production: production.final[field], replay: replayed.final[field] };
  }
  return undefined;
}

/**
 * Tags and flags are sets: production adds `effect_failed` when the worker run that applied a
 * dead effect ends, the replay when the whole replay ends, so only their order may differ.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return isDeepStrictEqual(a.map(String).sort(), b.map(String).sort());
  return isDeepStrictEqual(a, b);
}

function firstMismatch(a: readonly string[], b: readonly string[]): number | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return undefined;
}

/** How the candidate's outcome of a ticket differs from the baseline's, by kind (none: the same outcome). */
export function differenceKinds(baseline: ReplayRun, candidate: ReplayRun, registry: NodeRegistry): DifferenceKind[] {
  const kinds: DifferenceKind[] = [];
  const a = baseline.final;
  const b = candidate.final;
  if (a.group !== b.group || a.assignee !== b.assignee) kinds.push('assignment');
  // A level-two change is a category change too (the kinds are a public list; extended, not renamed).
  if (a.category !== b.category || a.subcategory !== b.subcategory) kinds.push('category');
  if (a.priority !== b.priority) kinds.push('priority');
  if (a.status !== b.status) kinds.push('status');
  if (!sameValue(a.tags, b.tags) || !sameValue(a.flags, b.flags)) kinds.push('tags');
  const escalations = count(candidate, 'escalate') - count(baseline, 'escalate');
  if (escalations > 0) kinds.push('escalation_added');
  if (escalations < 0) kinds.push('escalation_removed');
  if (candidate.slaBreaches > baseline.slaBreaches) kinds.push('sla_breach_caused');
  if (candidate.slaBreaches < baseline.slaBreaches) kinds.push('sla_breach_avoided');
  if (
    !isDeepStrictEqual(
      sent(baseline, (t) => t === 'reply'),
      sent(candidate, (t) => t === 'reply'),
    )
  )
    kinds.push('replies');
  const effect = (type: string) => {
    const def = registry.get(type);
    return type !== 'reply' && type !== 'escalate' && def?.kind === 'action' && def.sideEffect === true;
  };
  if (!isDeepStrictEqual(sent(baseline, effect), sent(candidate, effect))) kinds.push('effects');
  return kinds;
}

function count(run: ReplayRun, type: string): number {
  return run.actions.filter((a) => a.type === type).length;
}

/** The actions of some types, as `flow/node type` with their params, in a stable order. */
function sent(run: ReplayRun, which: (type: string) => boolean): string[] {
  return run.actions
    .filter((a) => which(a.type))
    .map((a) => `${a.flow}/${a.node} ${a.type} ${JSON.stringify(a.params)}`)
    .sort();
}
