import { type AnyStateMachine, createActor, type EventFromLogic, type ExecutableActionObject, type SnapshotFrom } from 'xstate';

type ActorScope = Parameters<AnyStateMachine['transition']>[2];

interface ReusedScope {
  readonly scope: ActorScope;
  /** Where the running call collects its actions. */
  sink: ExecutableActionObject[];
}

const scopes = new WeakMap<AnyStateMachine, ReusedScope>();

function scopeFor(machine: AnyStateMachine): ReusedScope {
  const known = scopes.get(machine);
  if (known) return known;
  // What XState's transition() builds on every call: an actor that is never started.
  const self = createActor(machine);
  const noop = () => {};
  const reused: ReusedScope = {
    sink: [],
    scope: {
      self,
      id: '',
      sessionId: '',
      logger: noop,
      defer: noop,
      emit: noop,
      system: self.system,
      stopChild: noop,
      actionExecutor: (action) => reused.sink.push(action),
    },
  };
  scopes.set(machine, reused);
  return reused;
}

/**
 * XState's pure `transition()` without its per-call cost. `transition()` builds a whole
 * inert actor (running the machine's initial transition) on every call, about 40% of
 * dry-run time; this builds that inert actor once per machine and reuses it. Same
 * result: the next snapshot and the actions to execute, none executed. Sound because
 * flow machines spawn no actors, so the shared actor's system stays empty.
 * @example const [next, actions] = pureTransition(machine, snapshot, event);
 */
export function pureTransition<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotFrom<M>,
  event: EventFromLogic<M>,
): [SnapshotFrom<M>, ExecutableActionObject[]] {
  const reused = scopeFor(machine);
  const outer = reused.sink;
  const actions: ExecutableActionObject[] = [];
  reused.sink = actions;
  try {
    // transition() is typed on AnyStateMachine's snapshot; M is that machine, so it is SnapshotFrom<M> (XState's own
    // transition() asserts the same). No schema fits a live snapshot, and this runs for every event: the one assertion stays.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- see above
    return [machine.transition(snapshot, event, reused.scope) as SnapshotFrom<M>, actions];
  } finally {
    // Restored so a transition started from inside a guard cannot steal the outer call's actions.
    reused.sink = outer;
  }
}
