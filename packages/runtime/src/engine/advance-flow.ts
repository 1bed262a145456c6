import { type FlowEvent, type FlowMachine, type FlowState, type StepResult, type StepTimer, takeGuardFailure } from '@switchyard/compiler';
import { pureTransition } from './pure-transition';

/** A flow's XState snapshot, as `advanceFlow` steps it. */
type Snapshot = ReturnType<FlowMachine['resolveState']>;

/**
 * Where a flow of a ticket's run rests: its state and context. The engine's stepper makes plain
 * ones; an XState snapshot (a durable host's restored one, a prepared flow's idle one) is one too.
 */
export type FlowSnapshot = FlowState;

/** A timer the machine asked for: fire `eventType` after `delayMs`, unless cancelled by id. */
export type TimerRequest = StepTimer;

/** What one transition of a flow machine asks the host to do, in order: the stepper's result, over any snapshot type. */
export type FlowStep<S extends FlowSnapshot = FlowSnapshot> = Omit<StepResult, 'snapshot'> & { readonly snapshot: S };

/** A field of an action's params, read without a schema: this runs for every action of every step. */
function field(params: unknown, key: string): unknown {
  if (typeof params !== 'object' || params === null) return undefined;
  const value: unknown = Reflect.get(params, key);
  return value;
}

function nodeParam(params: unknown): string {
  const node = field(params, 'node');
  return typeof node === 'string' ? node : '';
}

/** A delayed raise (a wait's timer): its id, event type and delay; undefined for an immediate raise. */
function timerOf(params: unknown): TimerRequest | undefined {
  const delay = field(params, 'delay');
  const eventType = field(field(params, 'event'), 'type');
  const id = field(params, 'id');
  if (typeof delay !== 'number' || typeof eventType !== 'string' || (id !== undefined && typeof id !== 'string')) return undefined;
  // A wait with no time running (a paused SLA clock) asks for no timer.
  if (!Number.isFinite(delay)) return undefined;
  return { id: id ?? eventType, eventType, delayMs: delay };
}

/**
 * Applies one event to a flow with XState's pure transition (see `pureTransition`) and sorts the actions it
 * returns into what the host records (visits), runs (effects) and schedules (timers). The reference the
 * engine's own stepper (`stepFlow`) is checked against, and its fallback for a machine it does not step.
 * Throws what a guard or delay threw; the host keeps the old snapshot then.
 */
export function advanceFlow(machine: FlowMachine, snapshot: Snapshot, event: FlowEvent): FlowStep<Snapshot> {
  const [next, actions] = pureTransition(machine, snapshot, event);
  const failure = takeGuardFailure(event);
  if (failure) throw failure;
  const visits: string[] = [];
  const effects: string[] = [];
  const timers: TimerRequest[] = [];
  const cancels: string[] = [];
  const failures: string[] = [];
  // Widened: visit / effect / fail are host actions the machine's setup does not declare.
  const requested: readonly { type: string; params?: unknown }[] = actions;
  for (const action of requested) {
    switch (action.type) {
      case 'visit':
        visits.push(nodeParam(action.params));
        break;
      case 'effect':
        effects.push(nodeParam(action.params));
        break;
      case 'fail':
        failures.push(nodeParam(action.params));
        break;
      case 'xstate.raise': {
        const timer = timerOf(action.params);
        if (timer) timers.push(timer);
        break;
      }
      case 'xstate.cancel': {
        const sendId = field(action.params, 'sendId');
        if (typeof sendId !== 'string') throw new Error('xstate.cancel without a sendId');
        cancels.push(sendId);
        break;
      }
    }
  }
  return { snapshot: next, visits, effects, timers, cancels, failures };
}

export type { Snapshot as XStateFlowSnapshot };
