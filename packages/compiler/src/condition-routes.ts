import type { NodeDefinition } from '@switchyard/nodes';
import { IDLE, type RouteStep } from './compiled-flow';

/** Where a transition lands after passing through conditions, and what it passed. */
export interface Route {
  readonly steps: readonly RouteStep[];
  /** Nodes passed on the way (conditions, an end), in order, for the path. */
  readonly visits: readonly string[];
  /** A state: an action, a wait, a condition kept as a state, or IDLE. */
  readonly target: string;
}

/**
 * Past this many routes below one condition, the condition stays a state of its own, so
 * diamonds of conditions cannot multiply transitions exponentially.
 */
export const MAX_ROUTES = 32;

interface Graph {
  readonly definition: (node: string) => NodeDefinition;
  readonly config: (node: string) => unknown;
  /** The node a port leads to, or IDLE when the port is not wired. */
  readonly to: (node: string, port: string) => string;
}

export interface Router {
  /** The routes of an edge leading to this node. */
  routesTo(node: string): readonly Route[];
  /** The routes out of a condition, through each of its ports (for a condition kept as a state). */
  routesBelow(condition: string): readonly Route[];
  /** Conditions that stay states (filled while routes are asked for). */
  readonly keptStates: ReadonlySet<string>;
}

/**
 * Folds conditions into the transitions that reach them: every way through the conditions
 * below an edge becomes one route (its condition answers, its visits, its landing state).
 * Triggers and ends need no state either. `keptStates` collects conditions whose routes
 * would exceed MAX_ROUTES; they stay states with guarded eventless transitions.
 */
export function createRouter(graph: Graph): Router {
  const memo = new Map<string, readonly Route[]>();
  const keptStates = new Set<string>();

  const routesBelow = (condition: string): readonly Route[] => {
    const def = graph.definition(condition);
    const routes: Route[] = [];
    for (const port of def.ports(graph.config(condition))) {
      for (const route of routesTo(graph.to(condition, port))) {
        routes.push({ steps: [[condition, port], ...route.steps], visits: [condition, ...route.visits], target: route.target });
      }
    }
    return routes;
  };

  const routesTo = (node: string): readonly Route[] => {
    const known = memo.get(node);
    if (known) return known;
    let routes: readonly Route[];
    if (node === IDLE) routes = [{ steps: [], visits: [], target: IDLE }];
    else {
      const kind = graph.definition(node).kind;
      if (kind === 'end') routes = [{ steps: [], visits: [node], target: IDLE }];
      else if (kind !== 'condition') routes = [{ steps: [], visits: [], target: node }];
      else {
        const below = routesBelow(node);
        if (below.length <= MAX_ROUTES) routes = below;
        else {
          keptStates.add(node);
          routes = [{ steps: [], visits: [], target: node }];
        }
      }
    }
    memo.set(node, routes);
    return routes;
  };

  return { routesTo, routesBelow, keptStates };
}
