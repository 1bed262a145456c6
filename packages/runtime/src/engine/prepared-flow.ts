import { type CompiledFlow, createFlowMachine, type FlowMachine, type KeptWaitUpdater, keptWaitUpdater } from '@switchyard/compiler';
import type { NodeRegistry } from '@switchyard/nodes';
import { initialTransition } from 'xstate';
import { acceptedEvents } from './accepted-events';
import type { FlowSnapshot } from './advance-flow';

/** A compiled flow made ready to run many tickets: machine built once, idle snapshot shared. */
export interface PreparedFlow {
  readonly compiled: CompiledFlow;
  readonly machine: FlowMachine;
  readonly idle: FlowSnapshot;
  readonly accepts: ReadonlyMap<string, ReadonlySet<string>>;
  /** Updates waits' kept memories (an SLA away on its warning branch) with each ticket event; absent: the flow has none. */
  readonly updateKept?: KeptWaitUpdater;
}

/** Builds the machines of several flows; throws when a flow needs a node type not installed. */
export function prepareFlows(flows: readonly CompiledFlow[], registry: NodeRegistry): PreparedFlow[] {
  const ids = new Set<string>();
  return flows.map((compiled) => {
    if (ids.has(compiled.id)) throw new Error(`flow id ${compiled.id} is given twice`);
    ids.add(compiled.id);
    const machine = createFlowMachine(compiled, registry);
    const updateKept = keptWaitUpdater(compiled, registry);
    return {
      compiled,
      machine,
      idle: initialTransition(machine)[0],
      accepts: acceptedEvents(compiled),
      ...(updateKept ? { updateKept } : {}),
    };
  });
}
