import type { NodeRegistry } from '@switchyard/nodes';
import type { Ref, RouteStep, StateConfig, TransitionConfig } from './compiled-flow';
import type { Route } from './condition-routes';

/** The `port` of the guard that keeps a wait with outcomes waiting (its memory changed). */
export const STAY = '~stay';

type OutcomeWait = Extract<ReturnType<NodeRegistry['get']>, { kind: 'wait' }>;

/** Params of the `outcome` guard: the wait, the port its answer must name, and the conditions after it. */
export interface OutcomeParams {
  readonly node: string;
  readonly port: string;
  readonly steps: readonly RouteStep[];
}

/**
 * The state of a wait with outcomes (SLA policy, approval, confirmation): entering it sets up its
 * memory; each event it listens for, and its timer, asks the node for an answer; a port's answer
 * leaves by that port's routes, a stay answer keeps the state and re-arms the timer in place (no
 * second visit, so analytics and the trace count one entry per wait).
 */
export function outcomeWaitState(
  id: string,
  def: OutcomeWait,
  config: unknown,
  next: (port: string) => readonly Route[],
): StateConfig | undefined {
  const outcomes = def.outcomes;
  if (!outcomes) return undefined;
  const forNode = { node: id };
  // The config was parsed by this node's own schema when the flow validated.
  const ports = def.ports(config);
  const table: TransitionConfig[] = [
    ...ports.flatMap((port) =>
      next(port).map((route): TransitionConfig => ({
        target: route.target,
        guard: { type: 'outcome', params: { node: id, port, steps: route.steps } satisfies OutcomeParams },
        actions: [{ type: 'leaveWait', params: forNode }, ...route.visits.map((node): Ref => ({ type: 'visit', params: { node } }))],
      })),
    ),
  ];
  const stay: TransitionConfig = {
    target: id,
    reenter: false,
    guard: { type: 'outcome', params: { node: id, port: STAY, steps: [] } satisfies OutcomeParams },
    actions: [{ type: 'stayWait', params: forNode }],
  };
  const events = waitEvents(def, config);
  return {
    entry: [
      { type: 'visit', params: forNode },
      { type: 'enterWait', params: forNode },
    ],
    on: Object.fromEntries(events.map((event) => [event, [...table, stay]])),
    after: { [id]: [...table, stay] },
  };
}

/** The ticket events a wait with outcomes listens for. */
export function waitEvents(def: OutcomeWait, config: unknown): readonly string[] {
  // The registry's definitions erase the config type (unknown), as `ports` does.
  return def.outcomes ? def.outcomes.events(config) : [];
}
