import type { Ticket } from '@switchyard/flow';
import { EMPTY_STATS, type NodeRegistry } from '@switchyard/nodes';
import type { CompiledFlow, RouteParams, RouteStep, TransitionConfig } from '../compiled-flow';
import { createFlowMachine, type FlowMachine } from '../create-flow-machine';
import { STAY } from '../outcome-wait';
import type { FlowEvent } from '../flow-event';

/** A flow event that also names the route (the compiled `route` guard params) it must take. */
export interface SteeredEvent extends FlowEvent {
  readonly route?: RouteParams;
}

/**
 * The ticket walk events carry. Guards are steered, so only what delays read matters:
 * `createdAt`, for waits counted from the ticket's creation.
 */
export const WALK_TICKET: Ticket = {
  id: 't-walk',
  number: 'GD1',
  channel: 'chat',
  subject: '',
  body: '',
  customer: { id: 'c1', name: '', tier: 'standard' },
  category: null,
  subcategory: null,
  priority: 'normal',
  status: 'new',
  group: null,
  assignee: null,
  tags: [],
  flags: [],
  escalationLevel: 0,
  createdAt: '2026-01-05T01:00:00.000Z',
};

/**
 * Reads `route` guard params (or an event's `route`) back from plain data: the machine
 * config types params as a record, so each field is checked rather than cast.
 * @example parseRouteParams({ from: 'created', steps: [['vip', 'true']] })
 */
export function parseRouteParams(value: unknown): RouteParams | undefined {
  if (typeof value !== 'object' || value === null || !('steps' in value)) return undefined;
  const raw: unknown = value.steps;
  if (!Array.isArray(raw)) return undefined;
  const steps: RouteStep[] = [];
  const items: readonly unknown[] = raw;
  for (const item of items) {
    if (!Array.isArray(item) || item.length !== 2) return undefined;
    const pair: readonly unknown[] = item;
    const [node, port] = pair;
    if (typeof node !== 'string' || typeof port !== 'string') return undefined;
    steps.push([node, port]);
  }
  const from: unknown = 'from' in value ? value.from : undefined;
  if (from === undefined) return { steps };
  return typeof from === 'string' ? { from, steps } : undefined;
}

/** The route an event names, if it names one. */
export function routeOf(event: object): RouteParams | undefined {
  return 'route' in event ? parseRouteParams(event.route) : undefined;
}

/**
 * The route a wait with outcomes' transition stands for: from the wait, its port, then the
 * conditions after it; undefined for its stay (no transition to walk) or params of another shape.
 */
export function outcomeRoute(params: unknown): RouteParams | undefined {
  if (typeof params !== 'object' || params === null || !('node' in params) || !('port' in params)) return undefined;
  const { node, port } = params;
  const after = parseRouteParams(params);
  if (typeof node !== 'string' || typeof port !== 'string' || port === STAY || !after) return undefined;
  return { from: node, steps: [[node, port], ...after.steps] };
}

/**
 * The flow's machine with its route guards replaced: a transition is taken when the event names
 * its route (a condition route, or a wait with outcomes' port and the conditions after it).
 */
export function steeredMachine(compiled: CompiledFlow, registry: NodeRegistry): FlowMachine {
  const names = (event: object, route: RouteParams | undefined) =>
    route !== undefined && JSON.stringify(routeOf(event)) === JSON.stringify(route);
  return createFlowMachine(compiled, registry).provide({
    guards: {
      route: ({ event }, params) => JSON.stringify(routeOf(event)) === JSON.stringify(params),
      outcome: ({ event }, params) => names(event, outcomeRoute(params)),
    },
  });
}

/** The key of the state a flow machine rests in (flow machines are flat). */
export function stateKeyOf(snapshot: { value: unknown }): string {
  if (typeof snapshot.value !== 'string') throw new Error(`flow machines are flat, got ${JSON.stringify(snapshot.value)}`);
  return snapshot.value;
}

/**
 * The events that can move a flow resting in `stateKey`: one per transition (route) it
 * has, ticket events and effect answers as well as timers.
 */
export function steeringEvents(compiled: CompiledFlow, stateKey: string, ticket: Ticket = WALK_TICKET): SteeredEvent[] {
  const state = compiled.machine.states[stateKey];
  if (!state) throw new Error(`flow ${compiled.id}: no state ${stateKey}`);
  const base = { ticket, stats: EMPTY_STATS, now: Date.parse(ticket.createdAt) };
  const steer = (type: string, t: TransitionConfig): SteeredEvent[] => {
    // A wait with outcomes' stay keeps the state: nothing for the walk to reach.
    if (t.guard?.type === 'outcome') {
      const route = outcomeRoute(t.guard.params);
      return route ? [{ ...base, type, route }] : [];
    }
    const route = t.guard ? parseRouteParams(t.guard.params) : undefined;
    if (t.guard && !route) throw new Error(`flow ${compiled.id}: ${stateKey} has a guard that is no route`);
    return [{ ...base, type, ...(route ? { route } : {}), ...(type.startsWith('effect.') ? { node: stateKey } : {}) }];
  };
  const onEvents = Object.entries(state.on ?? {}).flatMap(([type, transitions]) => transitions.flatMap((t) => steer(type, t)));
  // XState names a delayed transition's event xstate.after.<delay>.<machine id>.<state key>.
  const timerEvents = Object.entries(state.after ?? {}).flatMap(([delay, transitions]) =>
    transitions.flatMap((t) => steer(`xstate.after.${delay}.${compiled.machine.id}.${stateKey}`, t)),
  );
  return [...onEvents, ...timerEvents];
}
