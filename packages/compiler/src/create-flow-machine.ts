import type { NodeRegistry } from '@switchyard/nodes';
import { assign, enqueueActions, setup } from 'xstate';
import type { CompiledFlow, RouteParams } from './compiled-flow';
import type { FlowEvent } from './flow-event';
import { createFlowLogic, type FlowLogic } from './flow-logic';
import type { OutcomeParams } from './outcome-wait';

interface FlowContext {
  vars: Record<string, unknown>;
}

type NodeParams = { node: string };

/**
 * Turns a compiled flow into an XState machine whose guards and timers call the node
 * definitions. `visit`, `effect` and `fail` are left to the host: XState's pure
 * `transition()` returns them for the host to record and execute.
 * @example
 * const machine = createFlowMachine(compiled, registry);
 * const [snapshot, actions] = transition(machine, initialSnapshot, event);
 */
export function createFlowMachine(compiled: CompiledFlow, registry: NodeRegistry, logic: FlowLogic = createFlowLogic(compiled, registry)) {
  const delays: Record<string, (args: { context: FlowContext; event: FlowEvent }) => number> = {};
  for (const [id, delay] of Object.entries(logic.delays)) delays[id] = ({ context, event }) => delay(context, event);

  const flowSetup = setup({
    types: {},
    guards: {
      route: ({ context, event }, params: RouteParams) => logic.route(context, event, params),
      holds: ({ event }, params: NodeParams) => logic.holds(event, params.node),
      outcome: ({ context, event }, params: OutcomeParams) => logic.outcome(context, event, params),
    },
    actions: {
      startRun: assign({ vars: () => ({}) }),
      saveOutput: assign({ vars: ({ context, event }, params: NodeParams) => logic.saveOutput(context, event, params.node) }),
      holdExpired: assign({ vars: ({ context }, params: NodeParams) => logic.holdExpired(context, params.node) }),
      enterWait: assign({ vars: ({ context, event }, params: NodeParams) => logic.enterWait(context, event, params.node) }),
      leaveWait: assign({ vars: ({ context, event }, params: NodeParams) => logic.leaveWait(context, event, params.node) }),
      // Stays in the wait with new memory and re-arms its timer in place (no exit and entry: no second visit).
      stayWait: enqueueActions(({ context, event, enqueue }, params: NodeParams) => {
        const stay = logic.stay(context, event, params.node);
        if (!stay) return;
        enqueue.assign({ vars: stay.vars });
        enqueue.cancel(stay.timer);
        if (Number.isFinite(stay.delay)) enqueue.raise({ ...event, type: stay.timer }, { id: stay.timer, delay: stay.delay });
      }),
    },
    delays,
  });
  // The config is data produced by compileValidFlow; its guard and action names are the ones set up above.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return flowSetup.createMachine(compiled.machine as unknown as Parameters<typeof flowSetup.createMachine>[0]);
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
