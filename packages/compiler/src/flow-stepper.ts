import type { StateValue } from 'xstate';
import type { CompiledFlow, Ref, RouteParams, TransitionConfig } from './compiled-flow';
import type { FlowEvent } from './flow-event';
import type { FlowContext, FlowLogic } from './flow-logic';
import type { OutcomeParams } from './outcome-wait';

/** Where a flow rests: its state (a node id, or `_idle`) and its context. XState's snapshots have this shape too. */
export interface FlowState {
  readonly value: StateValue;
  readonly context: FlowContext;
}

/** A timer a step asked for: fire `eventType` after `delayMs`, unless cancelled by id. */
export interface StepTimer {
  readonly id: string;
  readonly eventType: string;
  readonly delayMs: number;
}

/** What one event did to a flow, sorted for the host. */
export interface StepResult {
  /** The same object as the state given when no transition was taken. */
  readonly snapshot: FlowState;
  /** Nodes entered, in order (conditions passed in the same step included). */
  readonly visits: readonly string[];
  /** Action nodes whose effect the host must run, then answer with effect.done / effect.error. */
  readonly effects: readonly string[];
  readonly timers: readonly StepTimer[];
  /** Ids of timers to drop (their wait was left). */
  readonly cancels: readonly string[];
  /** Action nodes whose failure ended the run (no error branch). */
  readonly failures: readonly string[];
}

/** Steps a flow: the next state and what the host must do; throws what a delay or a wait's update threw. */
export type FlowStepper = (state: FlowState, event: FlowEvent) => StepResult;

/** One instruction of a transition, an entry or an exit, resolved once per flow version. */
type Op =
  | { readonly kind: 'visit' | 'effect' | 'fail'; readonly node: string }
  | { readonly kind: 'vars'; readonly update: (context: FlowContext, event: FlowEvent) => Record<string, unknown> }
  | { readonly kind: 'stay'; readonly node: string }
  | { readonly kind: 'raise'; readonly id: string; readonly delay: (context: FlowContext, event: FlowEvent) => number }
  | { readonly kind: 'cancel'; readonly id: string };

type Guard = (context: FlowContext, event: FlowEvent) => boolean;

interface Transition {
  readonly guard: Guard | undefined;
  /** Undefined: the flow stays (a targetless transition). */
  readonly target: string | undefined;
  readonly reenter: boolean;
  readonly ops: readonly Op[];
}

interface State {
  readonly entry: readonly Op[];
  readonly exit: readonly Op[];
  readonly on: ReadonlyMap<string, readonly Transition[]>;
  readonly always: readonly Transition[];
}

const NONE: readonly never[] = Object.freeze([]);

/** Thrown at preparation for a machine this stepper does not interpret; the host then steps it with XState. */
class Unsupported extends Error {}

const nodeOf = (ref: Ref): string => {
  const node = ref.params?.node;
  if (typeof node !== 'string') throw new Unsupported(`${ref.type} without a node`);
  return node;
};

function opOf(ref: Ref, logic: FlowLogic): Op {
  switch (ref.type) {
    case 'visit':
    case 'effect':
    case 'fail':
      return { kind: ref.type, node: nodeOf(ref) };
    case 'startRun':
      return { kind: 'vars', update: () => ({}) };
    case 'saveOutput': {
      const node = nodeOf(ref);
      return { kind: 'vars', update: (context, event) => logic.saveOutput(context, event, node) };
    }
    case 'holdExpired': {
      const node = nodeOf(ref);
      return { kind: 'vars', update: (context) => logic.holdExpired(context, node) };
    }
    case 'enterWait': {
      const node = nodeOf(ref);
      return { kind: 'vars', update: (context, event) => logic.enterWait(context, event, node) };
    }
    case 'leaveWait': {
      const node = nodeOf(ref);
      return { kind: 'vars', update: (context, event) => logic.leaveWait(context, event, node) };
    }
    case 'stayWait':
      return { kind: 'stay', node: nodeOf(ref) };
    default:
      throw new Unsupported(`action ${ref.type}`);
  }
}

function guardOf(ref: Ref | undefined, logic: FlowLogic): Guard | undefined {
  if (!ref) return undefined;
  // The compiler wrote these params for these guards (compile-flow.ts, outcome-wait.ts); the XState machine reads them the same way.
  /* eslint-disable @typescript-eslint/no-unsafe-type-assertion */
  switch (ref.type) {
    case 'route': {
      const params = ref.params as unknown as RouteParams;
      return (context, event) => logic.route(context, event, params);
    }
    case 'holds': {
      const node = nodeOf(ref);
      return (_context, event) => logic.holds(event, node);
    }
    case 'outcome': {
      const params = ref.params as unknown as OutcomeParams;
      return (context, event) => logic.outcome(context, event, params);
    }
    default:
      throw new Unsupported(`guard ${ref.type}`);
  }
  /* eslint-enable @typescript-eslint/no-unsafe-type-assertion */
}

/**
 * Steps a compiled flow without XState, for the engine's hot path: the compiled machine is flat
 * (states at one level, guarded transitions, entry actions, named `after` delays, eventless
 * transitions of kept conditions), so a step is a table lookup, the first guard that passes, and
 * the transition's instructions resolved once per flow version (no per-step action objects,
 * snapshot clones or closures). Same semantics as XState's pure `transition()` on the machine of
 * `createFlowMachine` (both call the same `FlowLogic`): exit (cancel the state's timers), the
 * transition's actions, entry (its actions, then its timers), then eventless transitions until
 * none passes; a transition back to its own state re-enters only when marked `reenter`.
 * Undefined for a machine outside that shape (the host then uses XState).
 */
export function createFlowStepper(compiled: CompiledFlow, logic: FlowLogic): FlowStepper | undefined {
  try {
    return stepperFor(compiled, logic);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function stepperFor(compiled: CompiledFlow, logic: FlowLogic): FlowStepper {
  const machineId = compiled.machine.id;
  const keys = Object.keys(compiled.machine.states);
  for (const key of keys) if (key.includes('.') || key.startsWith('#')) throw new Unsupported(`state ${key}`);
  const transitionOf = (config: TransitionConfig): Transition => {
    if (config.target !== undefined && !keys.includes(config.target)) throw new Unsupported(`target ${config.target}`);
    return {
      guard: guardOf(config.guard, logic),
      target: config.target,
      reenter: config.reenter === true,
      ops: (config.actions ?? []).map((ref) => opOf(ref, logic)),
    };
  };
  const states = new Map<string, State>();
  for (const key of keys) {
    const config = compiled.machine.states[key];
    if (!config) continue;
    const on = new Map<string, readonly Transition[]>();
    for (const [type, list] of Object.entries(config.on ?? {})) {
      if (type.includes('*')) throw new Unsupported(`event ${type}`);
      on.set(type, list.map(transitionOf));
    }
    const entry = (config.entry ?? []).map((ref) => opOf(ref, logic));
    const exit: Op[] = [];
    for (const [delayKey, list] of Object.entries(config.after ?? {})) {
      // XState reads a numeric key as milliseconds, not a named delay: leave such a machine to XState.
      const delay = Number.isNaN(+delayKey) ? logic.delays[delayKey] : undefined;
      if (!delay) throw new Unsupported(`delay ${delayKey}`);
      const id = `xstate.after.${delayKey}.${machineId}.${key}`;
      if (on.has(id)) throw new Unsupported(`timer ${id}`);
      on.set(id, list.map(transitionOf));
      entry.push({ kind: 'raise', id, delay });
      exit.push({ kind: 'cancel', id });
    }
    states.set(key, { entry, exit, on, always: (config.always ?? []).map(transitionOf) });
  }
  const stateAt = (key: string): State => {
    const state = states.get(key);
    if (!state) throw new Error(`flow ${compiled.id} has no state ${key}`);
    return state;
  };
  const select = (list: readonly Transition[] | undefined, context: FlowContext, event: FlowEvent): Transition | undefined => {
    if (!list) return undefined;
    for (const t of list) if (!t.guard || t.guard(context, event)) return t;
    return undefined;
  };

  return (start, event) => {
    if (typeof start.value !== 'string') throw new Error(`flow ${compiled.id}: a flat machine rests in one state`);
    let key = start.value;
    let context = start.context;
    let visits: string[] | undefined;
    let effects: string[] | undefined;
    let timers: StepTimer[] | undefined;
    let cancels: string[] | undefined;
    let failures: string[] | undefined;
    const run = (ops: readonly Op[]) => {
      for (const op of ops) {
        switch (op.kind) {
          case 'visit':
            (visits ??= []).push(op.node);
            break;
          case 'effect':
            (effects ??= []).push(op.node);
            break;
          case 'fail':
            (failures ??= []).push(op.node);
            break;
          case 'vars':
            context = { vars: op.update(context, event) };
            break;
          case 'raise': {
            const delayMs = op.delay(context, event);
            // A wait with no time running (a paused SLA clock) asks for no timer.
            if (Number.isFinite(delayMs)) (timers ??= []).push({ id: op.id, eventType: op.id, delayMs });
            break;
          }
          case 'cancel':
            (cancels ??= []).push(op.id);
            break;
          case 'stay': {
            const stay = logic.stay(context, event, op.node);
            if (!stay) break;
            context = { vars: stay.vars };
            (cancels ??= []).push(stay.timer);
            if (Number.isFinite(stay.delay)) (timers ??= []).push({ id: stay.timer, eventType: stay.timer, delayMs: stay.delay });
            break;
          }
        }
      }
    };
    const take = (t: Transition) => {
      if (t.target === undefined || (t.target === key && !t.reenter)) {
        run(t.ops);
        return;
      }
      const target = stateAt(t.target);
      run(stateAt(key).exit);
      run(t.ops);
      key = t.target;
      run(target.entry);
    };

    let moved = false;
    const first = select(stateAt(key).on.get(event.type), context, event);
    if (first) {
      take(first);
      moved = true;
    }
    for (let t = select(stateAt(key).always, context, event); t; t = select(stateAt(key).always, context, event)) {
      take(t);
      moved = true;
    }
    return {
      snapshot: moved ? { value: key, context } : start,
      visits: visits ?? NONE,
      effects: effects ?? NONE,
      timers: timers ?? NONE,
      cancels: cancels ?? NONE,
      failures: failures ?? NONE,
    };
  };
}
