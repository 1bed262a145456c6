import {
  type CompiledFlow,
  createFlowLogic,
  createFlowMachine,
  createFlowStepper,
  type FlowMachine,
  type FlowStepper,
  type KeptWaitUpdater,
  keptWaitUpdater,
} from '@switchyard/compiler';
import type { NodeRegistry } from '@switchyard/nodes';
import { initialTransition } from 'xstate';
import { acceptedEvents } from './accepted-events';
import { advanceFlow, type XStateFlowSnapshot } from './advance-flow';

/** A compiled flow made ready to run many tickets: machine built once, idle snapshot shared. */
export interface PreparedFlow {
  readonly compiled: CompiledFlow;
  readonly machine: FlowMachine;
  /** Steps the flow (see `stepFlow`): the machine's own stepper, or XState's for a machine it does not step. */
  readonly step: FlowStepper;
  /** Where every run starts and ends (an XState snapshot, so `advanceFlow` can step it too). */
  readonly idle: XStateFlowSnapshot;
  readonly accepts: ReadonlyMap<string, ReadonlySet<string>>;
  /** Updates waits' kept memories (an SLA away on its warning branch) with each ticket event; absent: the flow has none. */
  readonly updateKept?: KeptWaitUpdater;
}

/** Steps a machine with XState's pure transition, from a plain snapshot as from one of XState's. */
function xstateStepper(machine: FlowMachine): FlowStepper {
  return (state, event) => {
    const snapshot = machine.resolveState({ value: state.value, context: state.context });
    const step = advanceFlow(machine, snapshot, event);
    return step.snapshot === snapshot ? { ...step, snapshot: state } : step;
  };
}

/** Builds the machines of several flows; throws when a flow needs a node type not installed. */
export function prepareFlows(flows: readonly CompiledFlow[], registry: NodeRegistry): PreparedFlow[] {
  const ids = new Set<string>();
  return flows.map((compiled) => {
    if (ids.has(compiled.id)) throw new Error(`flow id ${compiled.id} is given twice`);
    ids.add(compiled.id);
    const logic = createFlowLogic(compiled, registry);
    const machine = createFlowMachine(compiled, registry, logic);
    const updateKept = keptWaitUpdater(compiled, registry);
    return {
      compiled,
      machine,
      step: createFlowStepper(compiled, logic) ?? xstateStepper(machine),
      idle: initialTransition(machine)[0],
      accepts: acceptedEvents(compiled),
      ...(updateKept ? { updateKept } : {}),
    };
  });
}
