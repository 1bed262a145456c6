import type { CompiledFlow } from '@switchyard/compiler';
import type { NodeContext, NodeDefinition, NodeRegistry } from '@switchyard/nodes';

/** A node of a compiled flow with its definition and parsed config. */
export interface FlowNode {
  readonly id: string;
  readonly def: NodeDefinition;
  readonly config: unknown;
}

/** Looks a node of a compiled flow up in the registry; throws when the flow names an unknown node. */
export function flowNode(compiled: CompiledFlow, registry: NodeRegistry, id: string): FlowNode {
  const node = compiled.nodes[id];
  const def = node && registry.get(node.type, node.version);
  if (!def) throw new Error(`flow ${compiled.id}: no node ${id} in the registry`);
  return { id, def, config: node.config };
}

/**
 * The port a condition answers in this context, as the compiled `route` guard reads it:
 * a boolean is "true"/"false", and an answer that is no port takes the last port.
 */
export function answerOf(node: FlowNode, ctx: NodeContext): string {
  if (node.def.kind !== 'condition') throw new Error(`${node.id} is not a condition`);
  const result = node.def.evaluate(ctx, node.config);
  const port = typeof result === 'boolean' ? String(result) : result;
  const ports = node.def.ports(node.config);
  return ports.includes(port) ? port : (ports[ports.length - 1] ?? port);
}

/** Whether a trigger's or wait's filter lets the event in this context through (no filter: yes). */
export function gateOpens(node: FlowNode, ctx: NodeContext): boolean {
  if (node.def.kind !== 'trigger' && node.def.kind !== 'wait') return true;
  return node.def.matches?.(ctx, node.config) ?? true;
}
