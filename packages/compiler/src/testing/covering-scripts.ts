import type { NodeRegistry } from '@switchyard/nodes';
import { getShortestPaths } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import type { CompiledFlow } from '../compiled-flow';
import { type SteeredEvent, stateKeyOf, steeredMachine, steeringEvents } from './steered-machine';

/** Which port each condition takes (by condition node id). */
export type Choices = Readonly<Record<string, string>>;

/** One event of a generated script, as a sample-ticket author reads it. */
export interface ScriptStep {
  readonly type: string;
  /** The trigger this event starts a run from, if it starts one. */
  readonly trigger?: string;
  readonly choices: Choices;
}

/** One event of a script played on the steered machine: where the flow was, where it went, what it entered. */
export interface PlayedStep {
  readonly event: SteeredEvent;
  readonly step: ScriptStep;
  /** State keys before and after the event. */
  readonly before: string;
  readonly after: string;
  /** Nodes entered, in order (from the `visit` actions), as a host records the path. */
  readonly visits: readonly string[];
}

/** A script step as a sample-ticket author reads it: the event, the trigger it starts, the condition answers. */
export function scriptStep(compiled: CompiledFlow, event: SteeredEvent): ScriptStep {
  const route = event.route;
  const trigger = route?.from !== undefined && compiled.nodes[route.from]?.kind === 'trigger' ? route.from : undefined;
  return { type: event.type, ...(trigger ? { trigger } : {}), choices: Object.fromEntries(route?.steps ?? []) };
}

/**
 * Shortest event scripts reaching every transition of the flow, walked with @xstate/graph
 * on the steered machine. A vertex is a resting state plus the transition into it, so a
 * branch that ends the run (back to idle) is a vertex of its own and gets a path.
 * @example
 * const scripts = leafScripts(compiled, coveringScripts(compiled, registry));
 */
export function coveringScripts(compiled: CompiledFlow, registry: NodeRegistry): SteeredEvent[][] {
  const machine = steeredMachine(compiled, registry);
  // The walk hands back the events it was given; looking them up keeps their type without a cast.
  const given = new Map<object, SteeredEvent>();
  const paths = getShortestPaths(machine, {
    events: (snapshot) => {
      const events = steeringEvents(compiled, stateKeyOf(snapshot));
      for (const event of events) given.set(event, event);
      return events;
    },
    serializeState: (snapshot, event, previous) => {
      const steered = event && given.get(event);
      const step = steered ? scriptStep(compiled, steered) : event ? { type: event.type, choices: {} } : null;
      return JSON.stringify([previous ? stateKeyOf(previous) : null, stateKeyOf(snapshot), step]);
    },
  });
  return paths.map((path) =>
    path.steps.flatMap((step) => {
      if (step.event.type === 'xstate.init') return [];
      const event = given.get(step.event);
      if (!event) throw new Error(`flow ${compiled.id}: the walk took an event it was not given (${step.event.type})`);
      return [event];
    }),
  );
}

/** Drops scripts that are a prefix of a longer one: what is left is one script per leaf path. */
export function leafScripts(compiled: CompiledFlow, scripts: readonly SteeredEvent[][]): SteeredEvent[][] {
  const key = (script: readonly SteeredEvent[]) => script.map((e) => JSON.stringify(scriptStep(compiled, e)));
  const sorted = [...scripts].sort((a, b) => b.length - a.length);
  const kept: SteeredEvent[][] = [];
  for (const script of sorted) {
    const k = key(script);
    if (script.length === 0 || kept.some((other) => key(other).slice(0, k.length).join('\n') === k.join('\n'))) continue;
    kept.push(script);
  }
  return kept;
}

/** Plays a script on the steered machine as a host would, from the idle flow. */
export function playScript(compiled: CompiledFlow, registry: NodeRegistry, script: readonly SteeredEvent[]): PlayedStep[] {
  const machine = steeredMachine(compiled, registry);
  let [snapshot] = initialTransition(machine);
  return script.map((event) => {
    const [next, actions] = transition(machine, snapshot, event);
    // Widened: `visit` is a host action the machine's setup does not declare.
    const requested: readonly { type: string; params?: unknown }[] = actions;
    const visits = requested.flatMap((action) => {
      const params = action.params;
      const node = action.type === 'visit' && typeof params === 'object' && params !== null && 'node' in params ? params.node : undefined;
      return typeof node === 'string' ? [node] : [];
    });
    const played: PlayedStep = { event, step: scriptStep(compiled, event), before: stateKeyOf(snapshot), after: stateKeyOf(next), visits };
    snapshot = next;
    return played;
  });
}
