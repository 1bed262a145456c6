import { isDeepStrictEqual } from 'node:util';
import { type FlowStepper, takeGuardFailure } from '@switchyard/compiler';
import { advanceFlow } from '../engine/advance-flow';
import type { PreparedFlow } from '../engine/prepared-flow';

/** What checking the engine's stepper against XState found: steps compared, failures both agreed on, and every disagreement. */
export interface StepperTally {
  steps: number;
  failures: number;
  readonly mismatches: string[];
}

export const newStepperTally = (): StepperTally => ({ steps: 0, failures: 0, mismatches: [] });

/**
 * The flows, each stepping with its own stepper (createFlowStepper) while every step is also taken
 * by XState's pure transition on the same machine: the two must agree on the state, the context and
 * everything the host is asked to do. A disagreement is collected in `tally`, not thrown (the engine
 * would report a throw as a flow error); the stepper's answer is what the run goes on with.
 * @example const tally = newStepperTally(); await dryRunTicket(ticket, checkedAgainstXState(prepareFlows(compiled, registry), tally), options);
 */
export function checkedAgainstXState(flows: readonly PreparedFlow[], tally: StepperTally): PreparedFlow[] {
  return flows.map((flow) => ({ ...flow, step: checkedStepper(flow, tally) }));
}

function checkedStepper(flow: PreparedFlow, tally: StepperTally): FlowStepper {
  return (state, event) => {
    const snapshot = flow.machine.resolveState({ value: state.value, context: state.context });
    let expected: ReturnType<typeof advanceFlow> | undefined;
    let expectedError: Error | undefined;
    try {
      // Its own event object: guards cache answers and record failures per event; decisions are the stepper's to record.
      expected = advanceFlow(flow.machine, snapshot, { ...event, decisions: undefined });
    } catch (error) {
      expectedError = error instanceof Error ? error : new Error(String(error));
    }
    const where = `${flow.compiled.id} in ${JSON.stringify(state.value)} on ${event.type}`;
    let actual: ReturnType<FlowStepper>;
    try {
      actual = flow.step(state, event);
    } catch (error) {
      tally.failures++;
      if (!expectedError || String(error) !== String(expectedError))
        tally.mismatches.push(`${where}: stepper threw ${String(error)}, XState ${String(expectedError)}`);
      throw error;
    }
    const failure = takeGuardFailure(event);
    if (failure) {
      tally.failures++;
      if (String(failure) !== String(expectedError))
        tally.mismatches.push(`${where}: guard failed with ${String(failure)}, XState ${String(expectedError)}`);
      throw failure;
    }
    tally.steps++;
    if (!expected) {
      tally.mismatches.push(`${where}: XState threw ${String(expectedError)}, the stepper did not`);
      return actual;
    }
    const pick = (s: typeof actual) => ({
      value: s.snapshot.value,
      vars: s.snapshot.context.vars,
      visits: s.visits,
      effects: s.effects,
      timers: s.timers,
      cancels: s.cancels,
      failures: s.failures,
    });
    if (!isDeepStrictEqual(pick(actual), pick(expected)))
      tally.mismatches.push(`${where}: stepper ${JSON.stringify(pick(actual))}, XState ${JSON.stringify(pick(expected))}`);
    // Whether each returned its input snapshot object is not compared: the engine treats a step by what it holds, never by identity.
    return actual;
  };
}
