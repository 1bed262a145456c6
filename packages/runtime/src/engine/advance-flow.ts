import type { FlowEvent, FlowMachine } from '@switchyard/compiler';
import { transition } from 'xstate';
import { z } from 'zod';

type Snapshot = ReturnType<FlowMachine['resolveState']>;

/** A timer the machine asked for: fire `eventType` after `delayMs`, unless cancelled by id. */
export interface TimerRequest {
  readonly id: string;
  readonly eventType: string;
  readonly delayMs: number;
}

/** What one transition of a flow machine asks the host to do, in order. */
export interface FlowStep {
  readonly snapshot: Snapshot;
  /** Nodes entered, in order (conditions passed in the same step included). */
  readonly visits: readonly string[];
  /** Action nodes whose effect the host must run, then answer with effect.done / effect.error. */
  readonly effects: readonly string[];
  readonly timers: readonly TimerRequest[];
  /** Ids of timers to drop (their wait was left). */
  readonly cancels: readonly string[];
  /** Action nodes whose failure ended the run (no error branch). */
  readonly failures: readonly string[];
}

const RaiseParams = z.object({ id: z.string().optional(), delay: z.number().optional(), event: z.object({ type: z.string() }) });
const CancelParams = z.object({ sendId: z.string() });

function nodeParam(params: unknown): string {
  const node = typeof params === 'object' && params !== null ? (params as { node?: unknown }).node : undefined;
  return typeof node === 'string' ? node : '';
}

/**
 * Applies one event to a flow with XState's pure `transition()` and sorts the actions it
 * returns into what the host records (visits), runs (effects) and schedules (timers).
 * Throws what a guard or delay threw; the host keeps the old snapshot then.
 */
export function advanceFlow(machine: FlowMachine, snapshot: Snapshot, event: FlowEvent): FlowStep {
  const [next, actions] = transition(machine, snapshot, event);
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
        const raise = RaiseParams.safeParse(action.params);
        if (raise.success && raise.data.delay !== undefined) {
          timers.push({ id: raise.data.id ?? raise.data.event.type, eventType: raise.data.event.type, delayMs: raise.data.delay });
        }
        break;
      }
      case 'xstate.cancel':
        cancels.push(CancelParams.parse(action.params).sendId);
        break;
    }
  }
  return { snapshot: next, visits, effects, timers, cancels, failures };
}

export type { Snapshot as FlowSnapshot };
