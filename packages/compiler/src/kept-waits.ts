import type { NodeRegistry } from '@switchyard/nodes';
import type { CompiledFlow } from './compiled-flow';
import type { FlowEvent } from './flow-event';
import { NodeCodeError } from './node-code-error';

/**
 * The run's `vars` after a ticket event, with the kept memories updated: `updateKept(vars, state, event)`
 * answers the new vars, or the same object when nothing changed.
 */
export type KeptWaitUpdater = (
  vars: Readonly<Record<string, unknown>>,
  state: unknown,
  event: FlowEvent,
) => Readonly<Record<string, unknown>>;

/**
 * What lets a wait's kept memory see the ticket events that come while the flow is elsewhere
 * (issue 21: an SLA gone out by `warning` must count a stop, a pause or a resume that happens
 * meanwhile). The machine's own transitions only reach the state the flow is in, so the host asks
 * this before delivering each ticket event, dry-run and durable alike. Undefined when no wait of
 * the flow has a `whileAway`.
 * @example const updateKept = keptWaitUpdater(compiled, registry); if (updateKept) vars = updateKept(vars, snapshot.value, event);
 */
export function keptWaitUpdater(compiled: CompiledFlow, registry: NodeRegistry): KeptWaitUpdater | undefined {
  const watchers = Object.entries(compiled.nodes).flatMap(([id, node]) => {
    const def = registry.get(node.type, node.version);
    const outcomes = def?.kind === 'wait' ? def.outcomes : undefined;
    const whileAway = outcomes?.whileAway?.bind(outcomes);
    return whileAway ? [{ id, config: node.config, whileAway }] : [];
  });
  if (watchers.length === 0) return undefined;
  return (vars, state, event) => {
    let next = vars;
    for (const { id, config, whileAway } of watchers) {
      // In the wait itself the memory is live: the wait's own transitions answer the event.
      if (state === id || !(id in next)) continue;
      const ctx = {
        ticket: event.ticket,
        stats: event.stats,
        now: new Date(event.now),
        event: event.payload,
        vars: next,
        calendars: event.calendars,
      };
      let kept: unknown;
      try {
        kept = whileAway(ctx, config, next[id], { flow: compiled.id, node: id });
      } catch (error) {
        throw new NodeCodeError(id, error);
      }
      if (kept !== next[id]) next = { ...next, [id]: kept };
    }
    return next;
  };
}
