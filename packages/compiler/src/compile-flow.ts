import { type FlowDocument, validateFlow, type Diagnostic } from '@switchyard/flow';
import type { NodeDefinition, NodeRegistry } from '@switchyard/nodes';
import { type CompiledFlow, type CompiledNode, IDLE, type Ref, type StateConfig, type TransitionConfig } from './compiled-flow';

/** Thrown when a flow that does not validate is compiled; carries every diagnostic. */
export class FlowCompileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`flow does not validate:\n${diagnostics.map((d) => `  - ${d.message}`).join('\n')}`);
    this.name = 'FlowCompileError';
  }
}

const visit = (node: string): Ref => ({ type: 'visit', params: { node } });

/**
 * Compiles a flow document into a plain XState machine config. Pure and deterministic:
 * the same document and registry give the same JSON. Validates first and throws a
 * `FlowCompileError` listing every problem.
 * @example
 * const compiled = compileFlow(document, createNodeRegistry(builtinNodes));
 * const machine = createFlowMachine(compiled, registry);
 */
export function compileFlow(input: unknown, registry: NodeRegistry): CompiledFlow {
  const validation = validateFlow(input, registry);
  if (!validation.ok || !validation.document) throw new FlowCompileError(validation.diagnostics);
  return compileValidFlow(validation.document, registry);
}

/** Compiles a document that already passed `validateFlow` (its configs parsed). */
export function compileValidFlow(doc: FlowDocument, registry: NodeRegistry): CompiledFlow {
  const nodes: Record<string, CompiledNode> = {};
  const definitions = new Map<string, NodeDefinition>();
  for (const node of doc.nodes) {
    const def = registry.get(node.type, node.typeVersion);
    if (!def) throw new Error(`node ${node.id}: unknown node type "${node.type}"`);
    definitions.set(node.id, def);
    nodes[node.id] = { type: def.type, version: def.version, kind: def.kind, config: sortKeys(node.config) };
  }
  const wires = new Map<string, string>();
  for (const edge of doc.edges) wires.set(`${edge.source}\u0000${edge.sourceHandle}`, edge.target);
  const to = (node: string, port: string): string => wires.get(`${node}\u0000${port}`) ?? IDLE;

  const idleOn: Record<string, TransitionConfig[]> = {};
  const states: Record<string, StateConfig> = {};
  for (const node of doc.nodes) {
    const def = definitions.get(node.id)!;
    states[node.id] = reenterSelfLoops(node.id, stateFor(node.id, def, node.config, to));
    if (def.kind === 'trigger') {
      (idleOn[def.event] ??= []).push({
        target: node.id,
        guard: { type: 'trigger', params: { node: node.id } },
        actions: [{ type: 'startRun', params: { node: node.id } }],
      });
    }
  }
  return {
    id: doc.id,
    name: doc.name,
    machine: { id: doc.id, initial: IDLE, context: { vars: {} }, states: { [IDLE]: { on: idleOn }, ...states } },
    nodes,
    triggerEvents: Object.keys(idleOn),
  };
}

function stateFor(id: string, def: NodeDefinition, config: unknown, to: (node: string, port: string) => string): StateConfig {
  const forNode = { node: id };
  switch (def.kind) {
    case 'trigger':
      return { entry: [visit(id)], always: [{ target: to(id, 'next') }] };
    case 'end':
      return { entry: [visit(id)], always: [{ target: IDLE }] };
    case 'condition': {
      const ports = def.ports(config);
      // The last branch takes whatever the others did not, so a run can never stall here.
      const always = ports.map((port, i): TransitionConfig =>
        i === ports.length - 1
          ? { target: to(id, port) }
          : { target: to(id, port), guard: { type: 'branch', params: { node: id, port } } },
      );
      return { entry: [visit(id)], always };
    }
    case 'action': {
      const errorTarget = to(id, 'error');
      return {
        entry: [visit(id), { type: 'effect', params: forNode }],
        on: {
          'effect.done': [
            { target: to(id, 'next'), guard: { type: 'effectOf', params: forNode }, actions: [{ type: 'saveOutput', params: forNode }] },
          ],
          'effect.error': [
            {
              target: errorTarget,
              guard: { type: 'effectOf', params: forNode },
              // With no error branch the run ends, and the host reports the failure.
              actions: errorTarget === IDLE ? [{ type: 'fail', params: forNode }] : [],
            },
          ],
        },
      };
    }
    case 'wait': {
      const event = def.event?.(config);
      const after = { [id]: [{ target: to(id, event ? 'timeout' : 'next') }] };
      if (!event) return { entry: [visit(id)], after };
      return {
        entry: [visit(id)],
        on: { [event]: [{ target: to(id, 'event'), guard: { type: 'waitMatch', params: forNode } }] },
        after,
      };
    }
  }
}

/**
 * Sorts object keys at every depth. Schemas fix the key order of known fields, but free-form
 * parts of a config (http headers, sample responses) keep the input's, and a document that
 * differs only in key order must compile to the same JSON.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, sortKeys(item)]),
  );
}

/** A wait that loops back to itself must restart its timer, so self-transitions re-enter. */
function reenterSelfLoops(id: string, state: StateConfig): StateConfig {
  const mark = (list: readonly TransitionConfig[]) => list.map((t) => (t.target === id ? { ...t, reenter: true } : t));
  const mapAll = (table?: Readonly<Record<string, readonly TransitionConfig[]>>) =>
    table && Object.fromEntries(Object.entries(table).map(([k, v]) => [k, mark(v)]));
  return {
    ...state,
    ...(state.on ? { on: mapAll(state.on) } : {}),
    ...(state.after ? { after: mapAll(state.after) } : {}),
  };
}
