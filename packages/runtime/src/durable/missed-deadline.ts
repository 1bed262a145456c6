import type { CompiledFlow } from '@switchyard/compiler';

/** Timer events of XState's `after` transitions: what a wait's timeout fires. */
const TIMER_EVENT_PREFIX = 'xstate.after.';

const deadlinesOf = new WeakMap<CompiledFlow, ReadonlySet<string>>();

/** States that wait for an event with a timeout: a timer firing there is a missed deadline (a plain delay is not). */
export function deadlineStates(compiled: CompiledFlow): ReadonlySet<string> {
  let states = deadlinesOf.get(compiled);
  if (!states) {
    states = new Set(
      Object.entries(compiled.machine.states)
        .filter(([id, state]) => compiled.nodes[id]?.kind === 'wait' && state.on !== undefined)
        .map(([id]) => id),
    );
    deadlinesOf.set(compiled, states);
  }
  return states;
}

/**
 * Whether a transition is an SLA breach: a timeout fired while the flow waited for an event
 * with a deadline. Recorded on the transition's audit entry (`missedDeadline`), from which
 * the ticket's `sla_breached_at` outcome is set.
 */
export function isMissedDeadline(compiled: CompiledFlow, eventType: string, from: unknown): boolean {
  return eventType.startsWith(TIMER_EVENT_PREFIX) && typeof from === 'string' && deadlineStates(compiled).has(from);
}
