import { type CompiledFlow, IDLE, type TransitionConfig } from '@switchyard/compiler';

/** Timer events of XState's `after` transitions: what a wait's timeout fires. */
const TIMER_EVENT_PREFIX = 'xstate.after.';
/** The port of a wait with outcomes (an SLA policy) that is a missed deadline; a warning is not. */
const BREACH_PORT = 'breach';
/** A port no timer takes (an SLA met by an event): never what a timer transition means. */
const EVENT_ONLY_PORTS: ReadonlySet<string> = new Set(['met']);

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

/** The port an `outcome` guard names, for a wait with outcomes' transitions. */
function outcomePort(transition: TransitionConfig): string | undefined {
  const port = transition.guard?.type === 'outcome' ? transition.guard.params?.port : undefined;
  return typeof port === 'string' ? port : undefined;
}

/** The first node a route reaches: a condition it passes (a `visit` action), else its target; none when it ends the run. */
function firstReached(route: TransitionConfig): string | undefined {
  const visit = (route.actions ?? []).find((a) => a.type === 'visit' && typeof a.params?.node === 'string');
  const node = visit?.params?.node;
  if (typeof node === 'string') return node;
  return route.target === IDLE ? undefined : route.target;
}

/**
 * Whether a transition is an SLA breach: a timeout fired while the flow waited for an event
 * with a deadline. Recorded on the transition's audit entry (`missedDeadline`), from which
 * the ticket's `sla_breached_at` outcome is set. A wait with outcomes (SLA policy, approval,
 * confirmation) decides its own ports on its timer: there only a leave by `breach` is a missed
 * deadline (not an SLA's warning, an approval's timeout or a confirmation's reminder), told
 * from the first node the transition reached; a route several timer ports share is not counted.
 */
export function isMissedDeadline(compiled: CompiledFlow, eventType: string, from: unknown, visits: readonly string[]): boolean {
  if (!eventType.startsWith(TIMER_EVENT_PREFIX) || typeof from !== 'string' || !deadlineStates(compiled).has(from)) return false;
  const timerRoutes = Object.values(compiled.machine.states[from]?.after ?? {}).flat();
  const ports = timerRoutes.map(outcomePort);
  if (ports.every((port) => port === undefined)) return true;
  const taken = new Set(
    timerRoutes.flatMap((route, i) => {
      const port = ports[i];
      return port !== undefined && !EVENT_ONLY_PORTS.has(port) && firstReached(route) === visits[0] ? [port] : [];
    }),
  );
  return taken.size === 1 && taken.has(BREACH_PORT);
}
