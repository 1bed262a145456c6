import { type FlowEvent, takeGuardFailure } from '@switchyard/compiler';
import type { FlowSnapshot, FlowStep } from './advance-flow';
import type { PreparedFlow } from './prepared-flow';

/**
 * Applies one event to a prepared flow with its stepper (see `createFlowStepper`): what `advanceFlow`
 * does with XState, without XState's per-step cost. Throws what a guard or delay threw; the host keeps
 * the old snapshot then.
 * @example const step = stepFlow(flow, snapshot, event); for (const node of step.effects) run(node);
 */
export function stepFlow(flow: PreparedFlow, snapshot: FlowSnapshot, event: FlowEvent): FlowStep {
  const step = flow.step(snapshot, event);
  const failure = takeGuardFailure(event);
  if (failure) throw failure;
  return step;
}
