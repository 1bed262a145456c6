import { type Diagnostic, type FlowDocument, validateFlow } from '@switchyard/flow';
import type { NodeDefinition, NodeRegistry } from '@switchyard/nodes';
import {
  type CompiledFlow,
  type CompiledNode,
  IDLE,
  type Ref,
  type RouteParams,
  type StateConfig,
  type TransitionConfig,
} from './compiled-flow';
import { createRouter, type Route, type Router } from './condition-routes';
import { outcomeWaitState } from './outcome-wait';

/** Thrown when a flow that does not validate is compiled; carries every diagnostic. */
export class FlowCompileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`flow does not validate:\n${diagnostics.map((d) => `  - ${d.message}`).join('\n')}`);
    this.name = 'FlowCompileError';
  }
}

const visit = (node: string): Ref => ({ type: 'visit', params: { node } });
const forNode = (node: string): Ref['params'] => ({ node });

/**
 * Compiles a flow document into a plain XState machine config. Pure and deterministic:
 * the same document and registry give the same JSON. Validates first and throws a
 * `FlowCompileError` listing every problem.
 *
 * Shape: a flow rests in `_idle`; actions and waits are states; triggers, conditions and
 * ends are folded into the transitions that pass them (a condition chain becomes guarded
 * transitions, one per route, each listing the nodes it visits).
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
  /** A node of the document by id (the router asks only for ids the document wires). */
  const nodeOf = (id: string) => {
    const def = definitions.get(id);
    const compiled = definitions.has(id) ? nodes[id] : undefined;
    if (!def || !compiled) throw new Error(`flow ${doc.id} has no node ${id}`);
    return { def, config: compiled.config };
  };
  const router = createRouter({
    definition: (id) => nodeOf(id).def,
    config: (id) => nodeOf(id).config,
    to: (id, port) => wires.get(`${id}\u0000${port}`) ?? IDLE,
  });

  const idleOn: Record<string, TransitionConfig[]> = {};
  const states: Record<string, StateConfig> = {};
  for (const node of doc.nodes) {
    const { def, config } = nodeOf(node.id);
    if (def.kind === 'trigger') {
      const routes = router.routesTo(wires.get(`${node.id}\u0000next`) ?? IDLE);
      (idleOn[def.event] ??= []).push(...transitions(routes, node.id, [{ type: 'startRun' }, visit(node.id)]));
    } else if (def.kind === 'action' || def.kind === 'wait') {
      states[node.id] = reenterSelfLoops(node.id, stateFor(node.id, def, config, router, wires));
    }
  }
  // Conditions kept as states (too many routes to fold) are only known once routes were asked for.
  for (const node of doc.nodes) {
    if (!router.keptStates.has(node.id)) continue;
    states[node.id] = { entry: [visit(node.id)], always: transitions(router.routesBelow(node.id), undefined, []) };
  }
  return {
    id: doc.id,
    name: doc.name,
    machine: { id: doc.id, initial: IDLE, context: { vars: {} }, states: { [IDLE]: { on: idleOn }, ...sortStates(states, doc) } },
    nodes,
    triggerEvents: Object.keys(idleOn),
  };
}

/**
 * One transition per route, in route order. Every route is guarded: the `route` guard
 * checks the gate node (trigger filter, wait filter, effect owner) and the condition answers.
 */
function transitions(routes: readonly Route[], from: string | undefined, before: readonly Ref[]): TransitionConfig[] {
  return routes.map((route) => {
    const params: RouteParams = { ...(from === undefined ? {} : { from }), steps: route.steps };
    const guarded = from !== undefined || route.steps.length > 0;
    return {
      target: route.target,
      ...(guarded ? { guard: { type: 'route', params: { ...params } } } : {}),
      actions: [...before, ...route.visits.map(visit)],
    };
  });
}

function stateFor(id: string, def: NodeDefinition, config: unknown, router: Router, wires: ReadonlyMap<string, string>): StateConfig {
  const next = (port: string) => router.routesTo(wires.get(`${id}\u0000${port}`) ?? IDLE);
  if (def.kind === 'action') {
    const errorWired = wires.has(`${id}\u0000error`);
    const saveOutput = { type: 'saveOutput', params: forNode(id) };
    const on = {
      'effect.done': transitions(next('next'), id, [saveOutput]),
      // With no error branch the run ends, and the host reports the failure.
      'effect.error': transitions(next('error'), id, errorWired ? [] : [{ type: 'fail', params: forNode(id) }]),
    };
    const entry = [visit(id), { type: 'effect', params: forNode(id) }];
    if (!def.hold?.enabled(config)) return { entry, on };
    // A holding action (an offer waiting to be accepted): its output may keep the run here, a
    // matching ticket event lets it go on, and its timer runs the action again.
    const accepted = Object.fromEntries(def.hold.events.map((event) => [event, transitions(next('next'), id, [])]));
    return {
      entry,
      on: {
        ...on,
        'effect.done': [{ guard: { type: 'holds', params: forNode(id) }, actions: [saveOutput] }, ...on['effect.done']],
        ...accepted,
      },
      after: { [id]: [{ target: id, actions: [{ type: 'holdExpired', params: forNode(id) }] }] },
    };
  }
  if (def.kind === 'wait' && def.outcomes) {
    const state = outcomeWaitState(id, def, config, next);
    if (state) return state;
  }
  const event = def.kind === 'wait' ? def.event?.(config) : undefined;
  const after = { [id]: transitions(next(event ? 'timeout' : 'next'), undefined, []) };
  if (!event) return { entry: [visit(id)], after };
  return { entry: [visit(id)], on: { [event]: transitions(next('event'), id, []) }, after };
}

/**
 * States in document order, whatever order they were built in, so the JSON is stable. Own
 * keys only: a condition or end with an id such as `toString` or `constructor` has no state,
 * and `states[id]` would find the one every object inherits.
 */
function sortStates(states: Record<string, StateConfig>, doc: FlowDocument): Record<string, StateConfig> {
  return Object.fromEntries(
    doc.nodes.flatMap((n) => {
      const state = Object.hasOwn(states, n.id) ? states[n.id] : undefined;
      return state ? [[n.id, state] as const] : [];
    }),
  );
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
  // A wait with outcomes' stay (`reenter: false`) keeps the state on purpose: it re-arms its own timer.
  const mark = (list: readonly TransitionConfig[]) =>
    list.map((t) => (t.target === id && t.reenter !== false ? { ...t, reenter: true } : t));
  const mapAll = (table?: Readonly<Record<string, readonly TransitionConfig[]>>) =>
    table && Object.fromEntries(Object.entries(table).map(([k, v]) => [k, mark(v)]));
  return {
    ...state,
    ...(state.on ? { on: mapAll(state.on) } : {}),
    ...(state.after ? { after: mapAll(state.after) } : {}),
  };
}
