import type { CompiledFlow } from '@switchyard/compiler';

/**
 * For each state of a compiled flow, the event types that can move it. Hosts skip a
 * flow an event cannot move, which saves most transitions when several flows share a
 * ticket.
 */
export function acceptedEvents(flow: CompiledFlow): ReadonlyMap<string, ReadonlySet<string>> {
  const table = new Map<string, ReadonlySet<string>>();
  for (const [key, state] of Object.entries(flow.machine.states)) {
    // Timer events are typed xstate.after.<delay>.<machine>.<state>; the host matches them by id.
    table.set(key, new Set([...Object.keys(state.on ?? {}), ...(state.after ? ['xstate.after'] : [])]));
  }
  return table;
}

/** True when an event of this type can move a flow resting in this snapshot's state. */
export function canMove(accepts: ReadonlyMap<string, ReadonlySet<string>>, snapshot: { value: unknown }, eventType: string): boolean {
  if (typeof snapshot.value !== 'string') return true;
  const kind = eventType.startsWith('xstate.after.') ? 'xstate.after' : eventType;
  return accepts.get(snapshot.value)?.has(kind) ?? false;
}
