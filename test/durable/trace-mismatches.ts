import type { DryRunResult, TicketTrace } from '@switchyard/api';
import { isDeepStrictEqual } from 'node:util';

/** The node kinds a path is made of (the trace's other steps are timers, effects and errors). */
const VISIT_KINDS: ReadonlySet<string> = new Set(['trigger', 'condition', 'action', 'wait', 'end']);

interface Decided {
  readonly at: string;
  readonly node: string;
  readonly answer?: string | undefined;
  readonly inputs?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Who holds a ticket is the roster's choice, and the dry-run's roster has fixed open-ticket counts
 * while the database counts real ones: a condition reading the assignee compares whether one is
 * set, not who.
 */
function comparable({ at, node, answer, inputs }: Decided): Decided {
  if (inputs?.['field'] !== 'assignee') return { at, node, answer, inputs };
  return { at, node, answer, inputs: { ...inputs, actual: inputs['actual'] === null ? null : '(an agent)' } };
}

/**
 * How a ticket's trace disagrees with its dry-run (run with `explain: true`): per flow, a condition
 * without an answer or inputs, a path that differs, or a condition whose answer or inputs differ.
 * Issue 18: "the trace of every example sample ticket names, for each condition it passed, the
 * answer and the values behind it, and agrees with the dry-run's path".
 */
export function traceMismatches(
  sampleId: string,
  trace: TicketTrace,
  expected: DryRunResult,
): { mismatches: string[]; conditions: number } {
  const mismatches: string[] = [];
  let conditions = 0;
  for (const flow of trace.flows) {
    const path = flow.steps.filter((s) => VISIT_KINDS.has(s.type)).map((s) => s.node);
    const decided = flow.steps.filter((s) => s.type === 'condition').map(comparable);
    conditions += decided.length;
    const wanted = (expected.decisions ?? []).filter((d) => d.flow === flow.flowId).map(comparable);
    const unexplained = decided.filter((c) => c.answer === undefined || c.inputs === undefined || Object.keys(c.inputs).length === 0);
    const dryPath = expected.paths[flow.flowId] ?? [];
    if (unexplained.length) mismatches.push(`${sampleId}/${flow.flowId}: unexplained ${JSON.stringify(unexplained)}`);
    if (!isDeepStrictEqual(path, dryPath)) mismatches.push(`${sampleId}/${flow.flowId}: path ${JSON.stringify({ path, dryPath })}`);
    if (!isDeepStrictEqual(decided, wanted))
      mismatches.push(`${sampleId}/${flow.flowId}: decisions ${JSON.stringify({ decided, wanted })}`);
  }
  // A flow the trace does not list (never bound) took no path in the dry-run either.
  const traced = new Set(trace.flows.map((f) => f.flowId));
  for (const [flowId, path] of Object.entries(expected.paths)) {
    if (!traced.has(flowId) && path.length) mismatches.push(`${sampleId}: ${flowId} ran in the dry-run but is not in the trace`);
  }
  return { mismatches, conditions };
}
