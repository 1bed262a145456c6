import { type AnyStateMachine, createActor, type EventFromLogic, type ExecutableActionObject, type SnapshotFrom } from 'xstate';

type ActorScope = Parameters<AnyStateMachine['transition']>[2];

const scopes = new WeakMap<AnyStateMachine, { scope: ActorScope; sink: ExecutableActionObject[] }>();

/**
 * The baseline stepped the way the Switchyard engine steps flows (its `pureTransition`):
 * XState's `transition()` result without building an inert actor on every call. Lets the
 * report compare the two hosts with equal XState costs.
 */
export function reusedScopeTransition(
  machine: AnyStateMachine,
  snapshot: SnapshotFrom<AnyStateMachine>,
  event: EventFromLogic<AnyStateMachine>,
): [SnapshotFrom<AnyStateMachine>, ExecutableActionObject[]] {
  let reused = scopes.get(machine);
  if (!reused) {
    const self = createActor(machine);
    const noop = () => {};
    const made: { scope: ActorScope; sink: ExecutableActionObject[] } = {
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
        actionExecutor: (action) => made.sink.push(action),
      },
    };
    scopes.set(machine, (reused = made));
  }
  const actions: ExecutableActionObject[] = [];
  reused.sink = actions;
  return [machine.transition(snapshot, event, reused.scope), actions];
}
