import type { NodeContext, NodeDefinition, NodeRegistry } from '@switchyard/nodes';
import { assign, setup } from 'xstate';
import type { CompiledFlow } from './compiled-flow';
import type { FlowEvent } from './flow-event';
import { NodeCodeError } from './node-code-error';

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
export function createFlowMachine(compiled: CompiledFlow, registry: NodeRegistry) {
  const definitions = new Map<string, { def: NodeDefinition; config: unknown }>();
  for (const [id, node] of Object.entries(compiled.nodes)) {
    const def = registry.get(node.type, node.version);
    if (!def) throw new Error(`flow ${compiled.id}: node ${id} needs "${node.type}" v${node.version}, which is not installed`);
    definitions.set(id, { def, config: node.config });
  }
  const nodeOf = (id: string) => {
    const found = definitions.get(id);
    if (!found) throw new Error(`flow ${compiled.id}: no node ${id}`);
    return found;
  };
  /** Runs a node's code; what it throws names the node. */
  const inNode = <T>(node: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw new NodeCodeError(node, error);
    }
  };
  const contextOf = (context: FlowContext, event: FlowEvent): NodeContext => ({
    ticket: event.ticket,
    stats: event.stats,
    now: new Date(event.now),
    event: event.payload,
    vars: context.vars,
  });
  const delays: Record<string, (args: { context: FlowContext; event: FlowEvent }) => number> = {};
  for (const [id, { def, config }] of definitions) {
    if (def.kind === 'wait') delays[id] = ({ context, event }) => inNode(id, () => def.delayMs(contextOf(context, event), config));
  }

  const flowSetup = setup({
    types: {},
    guards: {
      trigger: ({ context, event }, params: NodeParams) => {
        const { def, config } = nodeOf(params.node);
        return def.kind === 'trigger' && inNode(params.node, () => def.matches?.(contextOf(context, event), config) ?? true);
      },
      waitMatch: ({ context, event }, params: NodeParams) => {
        const { def, config } = nodeOf(params.node);
        return def.kind === 'wait' && inNode(params.node, () => def.matches?.(contextOf(context, event), config) ?? true);
      },
      branch: ({ context, event }, params: NodeParams & { port: string }) => {
        const { def, config } = nodeOf(params.node);
        if (def.kind !== 'condition') return false;
        const result = inNode(params.node, () => def.evaluate(contextOf(context, event), config));
        return (typeof result === 'boolean' ? String(result) : result) === params.port;
      },
      effectOf: ({ event }, params: NodeParams) => event.node === params.node,
    },
    actions: {
      startRun: assign({ vars: () => ({}) }),
      saveOutput: assign({
        vars: ({ context, event }, params: NodeParams) =>
          event.output === undefined ? context.vars : { ...context.vars, [params.node]: event.output },
      }),
    },
    delays,
  });
  // The config is data produced by compileValidFlow; its guard and action names are the ones set up above.
  return flowSetup.createMachine(compiled.machine as unknown as Parameters<typeof flowSetup.createMachine>[0]);
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
