import {
  type ConditionNode,
  HOLD_EXPIRED,
  type NodeContext,
  type NodeDefinition,
  type NodeRegistry,
  type WaitAnswer,
} from '@switchyard/nodes';
import type { CompiledFlow, RouteParams } from './compiled-flow';
import type { Decision, FlowEvent } from './flow-event';
import { NodeCodeError, recordGuardFailure } from './node-code-error';
import { type OutcomeParams, STAY } from './outcome-wait';

/** A flow's context: the outputs and wait memories of its run, by node. */
export interface FlowContext {
  readonly vars: Record<string, unknown>;
}

type Vars = Record<string, unknown>;

/** A kept wait's stay: its new memory and when its re-armed timer fires (Infinity: none). */
export interface StayAnswer {
  readonly vars: Vars;
  readonly timer: string;
  readonly delay: number;
}

/**
 * What a flow's guards, context updates and delays do, as plain functions of (context, event):
 * the XState machine (`createFlowMachine`) and the engine's stepper (`createFlowStepper`) both call
 * these, so the two cannot drift apart.
 */
export interface FlowLogic {
  /** The `route` guard: the gate node lets the event through and the conditions answer the route's ports. */
  route(context: FlowContext, event: FlowEvent, params: RouteParams): boolean;
  /** The `holds` guard: a holding action's output keeps the run where it is. */
  holds(event: FlowEvent, node: string): boolean;
  /** The `outcome` guard: a wait with outcomes answered this port (or to stay). */
  outcome(context: FlowContext, event: FlowEvent, params: OutcomeParams): boolean;
  saveOutput(context: FlowContext, event: FlowEvent, node: string): Vars;
  holdExpired(context: FlowContext, node: string): Vars;
  enterWait(context: FlowContext, event: FlowEvent, node: string): Vars;
  leaveWait(context: FlowContext, event: FlowEvent, node: string): Vars;
  /** A wait with outcomes stays: undefined when its answer was not to stay. */
  stay(context: FlowContext, event: FlowEvent, node: string): StayAnswer | undefined;
  /** Named delays (a wait's or a holding action's timer), by node id. */
  readonly delays: Readonly<Record<string, (context: FlowContext, event: FlowEvent) => number>>;
}

/** A condition's answer with what it looked at; a failing `explain` costs the trace its inputs, never the run. */
function decisionOf(node: string, answer: string, def: ConditionNode, config: unknown, context: () => NodeContext): Decision {
  if (!def.explain) return { node, answer };
  try {
    return { node, answer, inputs: def.explain(context(), config) };
  } catch {
    return { node, answer };
  }
}

/** The same vars without `key` (a wait left without keeping its memory). */
function withoutKey(vars: Vars, key: string): Vars {
  return Object.fromEntries(Object.entries(vars).filter(([k]) => k !== key));
}

/** A fresh run's vars, one object for every trigger (node code reads vars, never writes them): CEL converts it once. */
const NO_VARS: Vars = Object.freeze({});

/** A wait with outcomes' timer event: XState's type for the `after` of state `id` (the delay is named after the node). */
export const timerEventOf = (machineId: string, id: string): string => `xstate.after.${id}.${machineId}.${id}`;

/** Builds the guards, context updates and delays of a compiled flow from its nodes' code. */
export function createFlowLogic(compiled: CompiledFlow, registry: NodeRegistry): FlowLogic {
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
  /** Runs node code inside a guard: a failure is recorded for the host, and the guard answers no. */
  const inGuard = <T>(node: string, event: FlowEvent, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      recordGuardFailure(event, new NodeCodeError(node, error));
      return undefined;
    }
  };
  /*
   * What this flow worked out for the event it is stepping: the context node code sees (per run
   * context), the conditions' answers and the waits' answers, each once per event however many
   * guards ask. One slot, not a WeakMap keyed by event: a flow steps one event at a time, and
   * WeakMap entries for short-lived events cost the garbage collector more than they save.
   */
  interface EventMemo {
    readonly event: FlowEvent;
    vars: Vars | undefined;
    plain: NodeContext | undefined;
    fresh: NodeContext | undefined;
    answers: Map<string, string> | undefined;
    outcomes: Map<string, WaitAnswer | null> | undefined;
  }
  let memo: EventMemo | undefined;
  const memoOf = (event: FlowEvent): EventMemo => {
    if (memo?.event !== event)
      memo = { event, vars: undefined, plain: undefined, fresh: undefined, answers: undefined, outcomes: undefined };
    return memo;
  };
  const nodeContext = (event: FlowEvent, vars: Vars): NodeContext => ({
    ticket: event.ticket,
    stats: event.stats,
    now: new Date(event.now),
    event: event.payload,
    vars,
    calendars: event.calendars,
  });
  /**
   * What node code sees. Route guards run before the transition's own actions, so the
   * context they read is the one the run will have: a fresh run for a trigger, and the
   * output of the action whose effect.done this is.
   */
  const contextOf = (context: FlowContext, event: FlowEvent, from?: string): NodeContext => {
    const known = memoOf(event);
    if (known.vars !== context.vars) {
      known.vars = context.vars;
      known.plain = undefined;
      known.fresh = undefined;
    }
    if (from !== undefined && nodeOf(from).def.kind === 'trigger') return (known.fresh ??= nodeContext(event, NO_VARS));
    if (known.plain) return known.plain;
    const vars =
      event.type === 'effect.done' && event.node !== undefined && event.output !== undefined
        ? { ...context.vars, [event.node]: event.output }
        : context.vars;
    return (known.plain = nodeContext(event, vars));
  };
  /** When a wait with outcomes' timer fires, as a delay from the event's instant; Infinity: no timer (a paused clock). */
  const outcomeDelay = (id: string, context: FlowContext, event: FlowEvent, memory: unknown): number => {
    const { def, config } = nodeOf(id);
    if (def.kind !== 'wait' || !def.outcomes) return Number.POSITIVE_INFINITY;
    const outcomes = def.outcomes;
    const due = inNode(id, () => outcomes.dueAt(contextOf(context, event), config, memory));
    return due === null ? Number.POSITIVE_INFINITY : Math.max(0, due - event.now);
  };
  const delays: Record<string, (context: FlowContext, event: FlowEvent) => number> = {};
  for (const [id, { def, config }] of definitions) {
    const hold = def.kind === 'action' ? def.hold : undefined;
    if (hold) delays[id] = (context, event) => inNode(id, () => hold.delayMs(contextOf(context, event), config));
    if (def.kind !== 'wait') continue;
    const delayMs = def.delayMs?.bind(def);
    delays[id] = delayMs
      ? (context, event) => inNode(id, () => delayMs(contextOf(context, event), config))
      : (context, event) => outcomeDelay(id, context, event, context.vars[id]);
  }

  // A wait with outcomes answers each event once, however many of its routes' guards ask.
  const outcomeOf = (node: string, context: FlowContext, event: FlowEvent): WaitAnswer | undefined => {
    const slot = memoOf(event);
    const known = (slot.outcomes ??= new Map<string, WaitAnswer | null>());
    const cached = known.get(node);
    if (cached !== undefined) return cached ?? undefined;
    const { def, config } = nodeOf(node);
    if (def.kind !== 'wait' || !def.outcomes) throw new Error(`flow ${compiled.id}: ${node} is not a wait with outcomes`);
    const hooks = def.outcomes;
    const self = { flow: compiled.id, node };
    const ctx = contextOf(context, event);
    const memory = context.vars[node];
    const answer = inGuard(node, event, () =>
      event.type.startsWith('xstate.after.') ? hooks.onTimer(ctx, config, memory, self) : hooks.onEvent(ctx, config, memory, self),
    );
    known.set(node, answer ?? null);
    return answer;
  };

  /** Whether the route's gate lets this event through: a trigger or wait filter, or the effect's owner. */
  const gateOpens = (from: string, context: FlowContext, event: FlowEvent): boolean => {
    const { def, config } = nodeOf(from);
    if (def.kind === 'action') {
      if (event.type === 'effect.done' || event.type === 'effect.error') return event.node === from;
      // A ticket event out of a holding action: does it end the hold (the agent accepted)?
      const hold = def.hold;
      return hold !== undefined && (inGuard(from, event, () => hold.matches(contextOf(context, event, from), config)) ?? false);
    }
    if (def.kind === 'trigger' || def.kind === 'wait') {
      return inGuard(from, event, () => def.matches?.(contextOf(context, event, from), config) ?? true) ?? false;
    }
    return false;
  };

  // Routes out of one state share their first conditions: each is evaluated once per event.
  const answerOf = (node: string, context: FlowContext, event: FlowEvent, from: string | undefined): string => {
    const slot = memoOf(event);
    const known = (slot.answers ??= new Map<string, string>());
    const cached = known.get(node);
    if (cached !== undefined) return cached;
    const { def, config } = nodeOf(node);
    if (def.kind !== 'condition') throw new Error(`flow ${compiled.id}: ${node} is not a condition`);
    const ports = def.ports(config);
    const result = inGuard(node, event, () => def.evaluate(contextOf(context, event, from), config));
    if (result === undefined) return '';
    const port = typeof result === 'boolean' ? String(result) : result;
    // An answer that is no port of the node takes the last port, as "else" does.
    const answer = ports.includes(port) ? port : (ports[ports.length - 1] ?? port);
    known.set(node, answer);
    if (event.decisions) event.decisions.push(decisionOf(node, answer, def, config, () => contextOf(context, event, from)));
    return answer;
  };
  /** Whether every condition of `steps` answers its port (a loop: this runs for every guard of every step). */
  const stepsPass = (steps: RouteParams['steps'], context: FlowContext, event: FlowEvent, from: string | undefined): boolean => {
    for (const [node, port] of steps) if (answerOf(node, context, event, from) !== port) return false;
    return true;
  };

  return {
    route: (context, event, params) => {
      if (params.from !== undefined && !gateOpens(params.from, context, event)) return false;
      return stepsPass(params.steps, context, event, params.from);
    },
    holds: (event, node) => {
      if (event.type !== 'effect.done' || event.node !== node) return false;
      const { def, config } = nodeOf(node);
      const hold = def.kind === 'action' ? def.hold : undefined;
      return hold !== undefined && (inGuard(node, event, () => hold.holds(event.output, config)) ?? false);
    },
    outcome: (context, event, params) => {
      const answer = outcomeOf(params.node, context, event);
      if (!answer) return false;
      if (params.port === STAY) return 'stay' in answer;
      return 'port' in answer && answer.port === params.port && stepsPass(params.steps, context, event, undefined);
    },
    saveOutput: (context, event, node) => (event.output === undefined ? context.vars : { ...context.vars, [node]: event.output }),
    // The hold's timer fired: the action runs again, told (on its previous output) that it did.
    holdExpired: (context, node) => {
      const previous = context.vars[node];
      const fields = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? previous : {};
      return { ...context.vars, [node]: { ...fields, [HOLD_EXPIRED]: true } };
    },
    enterWait: (context, event, node) => {
      const { def, config } = nodeOf(node);
      if (def.kind !== 'wait' || !def.outcomes) return context.vars;
      const hooks = def.outcomes;
      const self = { flow: compiled.id, node };
      const memory = inNode(node, () => hooks.enter(contextOf(context, event), config, context.vars[node], self));
      return { ...context.vars, [node]: memory };
    },
    leaveWait: (context, event, node) => {
      const answer = outcomeOf(node, context, event);
      const keep = answer && 'port' in answer ? answer.keep : undefined;
      return keep === undefined ? withoutKey(context.vars, node) : { ...context.vars, [node]: keep };
    },
    stay: (context, event, node) => {
      const answer = outcomeOf(node, context, event);
      if (!answer || !('stay' in answer)) return undefined;
      const vars = { ...context.vars, [node]: answer.stay };
      return { vars, timer: timerEventOf(compiled.machine.id, node), delay: outcomeDelay(node, { vars }, event, answer.stay) };
    },
    delays,
  };
}
