import type { TraceStep } from '@switchyard/api';
import type { CompiledFlow } from '@switchyard/compiler';
import type { FlowDocument } from '@switchyard/flow';
import type { AuditEntry } from '../audit/audit-entry';

const IDLE = '_idle';
const TIMER_EVENT = /^xstate\.after\./;

/** The state a snapshot value names (flows are flat: one string), or IDLE. */
const stateOf = (value: unknown): string => (typeof value === 'string' ? value : IDLE);

/**
 * A flow's audited entries as the steps of its path. Each visited node is a step of its kind;
 * a condition's answer is what the engine recorded (`decisions`), or else the port of the edge
 * the path left it by. A transition into a wait sets its timer; leaving a wait by its event
 * cancels it; a timer firing, an action's effect and its deliveries, and errors are steps too.
 */
export function traceSteps(entries: readonly AuditEntry[], document: FlowDocument, compiled: CompiledFlow): TraceStep[] {
  const kindOf = (node: string): string => (Object.hasOwn(compiled.nodes, node) ? (compiled.nodes[node]?.kind ?? 'node') : 'node');
  const portBetween = (from: string, to: string): string | undefined =>
    document.edges.find((e) => e.source === from && e.target === to)?.sourceHandle;
  const steps: TraceStep[] = [];
  for (const entry of entries) {
    const at = entry.at.toISOString();
    switch (entry.kind) {
      case 'flow.transition': {
        const { event, visits, decisions } = entry.detail;
        const from = stateOf(entry.detail.from);
        const to = stateOf(entry.detail.to);
        if (kindOf(from) === 'wait' && !TIMER_EVENT.test(event) && from !== to)
          steps.push({ node: from, type: 'timer.cancelled', at, event });
        visits.forEach((node, i) => {
          const kind = kindOf(node);
          const step: TraceStep = { node, type: kind, at, event };
          if (kind === 'condition') {
            const decided = decisions?.find((d) => d.node === node);
            const next = visits[i + 1] ?? to;
            const answer = decided?.answer ?? portBetween(node, next);
            if (answer !== undefined) step.answer = answer;
            if (decided?.inputs) step.inputs = decided.inputs;
          }
          steps.push(step);
          if (kind === 'wait') steps.push({ node, type: 'timer.set', at });
        });
        break;
      }
      case 'timer.fired': {
        const id = entry.detail.timerId;
        steps.push({ node: id.slice(id.lastIndexOf('.') + 1), type: 'timer.fired', at });
        break;
      }
      case 'action':
        steps.push({
          node: entry.detail.node,
          type: 'effect',
          at,
          ...(entry.detail.inputs ? { inputs: entry.detail.inputs } : {}),
          detail: { type: entry.detail.type, params: entry.detail.params },
        });
        break;
      case 'effect.delivered':
        steps.push({ node: entry.detail.node, type: 'effect.delivered', at, attempts: entry.detail.attempt });
        break;
      case 'effect.retry':
        steps.push({
          node: entry.detail.node,
          type: 'effect.retry',
          at,
          attempts: entry.detail.attempt,
          detail: { error: entry.detail.error },
        });
        break;
      case 'effect.dead':
        steps.push({
          node: entry.detail.node,
          type: 'effect.dead',
          at,
          attempts: entry.detail.attempts,
          detail: { error: entry.detail.error },
        });
        break;
      case 'flow.error':
        steps.push({ node: entry.detail.node ?? '', type: 'error', at, detail: { message: entry.detail.message } });
        break;
      default:
        break;
    }
  }
  return steps;
}
