/**
 * Structural coverage of compiled flows with @xstate/graph: steer every condition from
 * the event, walk the machine, and check every node of every flow can be reached. The
 * same walk yields a covering set of event scripts for an example flow.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry, defineNode, EMPTY_STATS, type NodeRegistry } from '@switchyard/nodes';
import type { Ticket } from '@switchyard/flow';
import { getShortestPaths, toDirectedGraph } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { type CompiledFlow, IDLE, type RouteParams, type TransitionConfig } from './compiled-flow';
import { createFlowMachine, type FlowMachine } from './create-flow-machine';
import type { FlowEvent } from './flow-event';

/** A multi-way condition (one port per listed channel), to steer more than true/false. */
const byChannel = defineNode({
  type: 'test.by_channel',
  kind: 'condition',
  title: { en: 'Route by channel', 'zh-CN': '按渠道分流' },
  config: builtinNodes.find((n) => n.type === 'channel_is')!.config,
  ports: (config) => channelsOf(config),
  evaluate: (ctx) => ctx.ticket.channel,
});

function channelsOf(config: unknown): string[] {
  if (typeof config !== 'object' || config === null || !('channels' in config) || !Array.isArray(config.channels)) return [];
  return config.channels.filter((c): c is string => typeof c === 'string');
}

const registry = createNodeRegistry([...builtinNodes, billingSuspend, byChannel]);

const EXAMPLES = new URL('../../../examples/flows/', import.meta.url);
const exampleFlows: [string, unknown][] = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => [file, JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8')) as unknown])
  : [];

/** Every construct the walk must get through: multi-way branches, twin triggers, a self-looping wait, error ports. */
const steering = {
  id: 'steering',
  name: 'steering fixture',
  nodes: [
    { id: 'created', type: 'ticket_created' },
    { id: 'route', type: 'test.by_channel', config: { channels: ['email', 'chat', 'web'] } },
    { id: 'lookup', type: 'http', config: { url: 'https://crm.example/{{ticket.id}}' } },
    { id: 'sorry', type: 'reply', config: { template: 'sorry' } },
    { id: 'listen', type: 'wait_for_event', config: { event: 'customer.message', timeout: '1h' } },
    { id: 'quiet', type: 'add_tag', config: { tag: 'quiet' } },
    { id: 'vip', type: 'customer_tier', config: { tier: 'vip' } },
    { id: 'high', type: 'set_priority', config: { priority: 'high' } },
    { id: 'done', type: 'end' },
    { id: 'msgA', type: 'customer_message' },
    { id: 'third', type: 'message_count', config: { count: 3 } },
    { id: 'abnormal', type: 'flag', config: { flag: 'abnormal' } },
    { id: 'msgB', type: 'customer_message' },
    { id: 'pause', type: 'delay', config: { duration: '5m' } },
    { id: 'remind', type: 'notify', config: { template: 'look at {{ticket.id}}' } },
  ],
  edges: [
    { id: 'e1', source: 'created', target: 'route' },
    { id: 'e2', source: 'route', sourceHandle: 'email', target: 'lookup' },
    { id: 'e3', source: 'lookup', target: 'done' },
    { id: 'e4', source: 'lookup', sourceHandle: 'error', target: 'sorry' },
    { id: 'e5', source: 'route', sourceHandle: 'chat', target: 'listen' },
    { id: 'e6', source: 'listen', sourceHandle: 'event', target: 'listen' },
    { id: 'e7', source: 'listen', sourceHandle: 'timeout', target: 'quiet' },
    { id: 'e8', source: 'route', sourceHandle: 'web', target: 'vip' },
    { id: 'e9', source: 'vip', sourceHandle: 'true', target: 'high' },
    { id: 'e10', source: 'vip', sourceHandle: 'false', target: 'done' },
    { id: 'e11', source: 'msgA', target: 'third' },
    { id: 'e12', source: 'third', sourceHandle: 'true', target: 'abnormal' },
    { id: 'e13', source: 'third', sourceHandle: 'false', target: 'done' },
    { id: 'e14', source: 'msgB', target: 'pause' },
    { id: 'e15', source: 'pause', target: 'remind' },
  ],
};

const flows: [string, unknown][] = [...exampleFlows, ['fixture: steering', steering]];

/** Which port each condition takes, and which trigger starts the run, for one generated event. */
type Choices = Readonly<Record<string, string>>;

/** A flow event that also names the route (the compiled `route` guard params) it must take. */
interface SteeredEvent extends FlowEvent {
  readonly route?: RouteParams;
}

/** One event of a generated script, as a sample-ticket author would read it. */
interface ScriptStep {
  readonly type: string;
  readonly trigger?: string;
  readonly choices: Choices;
}

const ticket: Ticket = {
  id: 't-graph',
  number: 'GD1',
  channel: 'chat',
  subject: '',
  body: '',
  customer: { id: 'c1', name: '', tier: 'standard' },
  category: null,
  priority: 'normal',
  status: 'new',
  group: null,
  assignee: null,
  tags: [],
  flags: [],
  escalationLevel: 0,
  createdAt: '2026-01-05T01:00:00.000Z',
};

function routeOf(event: object): RouteParams | undefined {
  return 'route' in event && typeof event.route === 'object' && event.route !== null ? (event.route as RouteParams) : undefined;
}

/** The flow's machine with its route guard replaced: a transition is taken when the event names its route. */
function steeredMachine(compiled: CompiledFlow, nodes: NodeRegistry): FlowMachine {
  return createFlowMachine(compiled, nodes).provide({
    guards: { route: ({ event }, params) => JSON.stringify(routeOf(event)) === JSON.stringify(params) },
  });
}

/** The events that can move a flow resting in `stateKey`: one per transition (route) it has. */
function eventsFor(compiled: CompiledFlow, stateKey: string): SteeredEvent[] {
  const state = compiled.machine.states[stateKey]!;
  const base = { ticket, stats: EMPTY_STATS, now: Date.parse(ticket.createdAt) };
  const steer = (type: string, t: TransitionConfig): SteeredEvent => ({
    ...base,
    type,
    ...(t.guard ? { route: t.guard.params as unknown as RouteParams } : {}),
    ...(type.startsWith('effect.') ? { node: stateKey } : {}),
  });
  const onEvents = Object.entries(state.on ?? {}).flatMap(([type, transitions]) => transitions.map((t) => steer(type, t)));
  // XState names a delayed transition's event xstate.after.<delay>.<machine id>.<state key>.
  const timerEvents = Object.entries(state.after ?? {}).flatMap(([delay, transitions]) =>
    transitions.map((t) => steer(`xstate.after.${delay}.${compiled.machine.id}.${stateKey}`, t)),
  );
  return [...onEvents, ...timerEvents];
}

const stateKeyOf = (snapshot: { value: unknown }): string => {
  if (typeof snapshot.value !== 'string') throw new Error(`flow machines are flat, got ${JSON.stringify(snapshot.value)}`);
  return snapshot.value;
};

/** A script step as a sample-ticket author reads it: the event, the trigger it starts, the condition answers. */
const scriptStep = (compiled: CompiledFlow, event: FlowEvent): ScriptStep => {
  const route = routeOf(event);
  const trigger = route?.from !== undefined && compiled.nodes[route.from]?.kind === 'trigger' ? route.from : undefined;
  return { type: event.type, ...(trigger ? { trigger } : {}), choices: Object.fromEntries(route?.steps ?? []) };
};

/**
 * Shortest event scripts reaching every transition of the flow. A vertex is a resting
 * state plus the transition into it, so a branch that ends the run (back to idle) is a
 * vertex of its own and gets a path.
 */
function coveringScripts(compiled: CompiledFlow): SteeredEvent[][] {
  const machine = steeredMachine(compiled, registry);
  const paths = getShortestPaths(machine, {
    events: (snapshot) => eventsFor(compiled, stateKeyOf(snapshot)),
    serializeState: (snapshot, event, previous) =>
      JSON.stringify([previous ? stateKeyOf(previous) : null, stateKeyOf(snapshot), event ? scriptStep(compiled, event) : null]),
  });
  return paths.map((path) => path.steps.filter((step) => step.event.type !== 'xstate.init').map((step) => step.event as SteeredEvent));
}

/** Drops scripts that are a prefix of a longer one: what is left is one script per leaf path. */
function leafScripts(compiled: CompiledFlow, scripts: readonly SteeredEvent[][]): SteeredEvent[][] {
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

/** Plays scripts on the steered machine as a host would and returns the nodes entered (from the `visit` actions). */
function visitedBy(compiled: CompiledFlow, scripts: readonly SteeredEvent[][]): Set<string> {
  const machine = steeredMachine(compiled, registry);
  const visited = new Set<string>();
  for (const script of scripts) {
    let [snapshot] = initialTransition(machine);
    for (const event of script) {
      const [next, actions] = transition(machine, snapshot, event);
      const requested: readonly { type: string; params?: unknown }[] = actions;
      const entered = requested.flatMap((action) => {
        const params = action.params;
        const node = action.type === 'visit' && typeof params === 'object' && params !== null && 'node' in params ? params.node : undefined;
        return typeof node === 'string' ? [node] : [];
      });
      entered.forEach((node) => visited.add(node));
      // Every generated event must move the flow: enter a node, or end the run.
      expect(entered.length > 0 || stateKeyOf(next) !== stateKeyOf(snapshot), `${event.type} from ${stateKeyOf(snapshot)}`).toBe(true);
      snapshot = next;
    }
  }
  return visited;
}

describe('flow graphs (@xstate/graph)', () => {
  it.each(flows)('%s: actions and waits are states; triggers, conditions and ends are folded into transitions', (_name, document) => {
    const compiled = compileFlow(document, registry);
    const graph = toDirectedGraph(createFlowMachine(compiled, registry));
    const resting = Object.entries(compiled.nodes)
      .filter(([, node]) => node.kind === 'action' || node.kind === 'wait')
      .map(([id]) => id);
    expect(graph.children.map((child) => child.stateNode.key).sort()).toEqual([IDLE, ...resting].sort());
  });

  it.each(flows)('%s: every node can be reached by some event script', (_name, document) => {
    const compiled = compileFlow(document, registry);
    const scripts = coveringScripts(compiled);
    expect([...visitedBy(compiled, scripts)].sort()).toEqual(Object.keys(compiled.nodes).sort());
  });

  it('reaches both triggers of one event, every port of a multi-way condition, and an error branch', () => {
    const compiled = compileFlow(steering, registry);
    const steps = coveringScripts(compiled)
      .flat()
      .map((event) => scriptStep(compiled, event));
    expect(new Set(steps.map((s) => s.trigger).filter(Boolean))).toEqual(new Set(['created', 'msgA', 'msgB']));
    expect(new Set(steps.map((s) => s.choices.route).filter(Boolean))).toEqual(new Set(['email', 'chat', 'web']));
    expect(steps.some((s) => s.type === 'effect.error')).toBe(true);
    expect(steps.some((s) => s.type === 'xstate.after.listen.steering.listen')).toBe(true);
  });

  it('generates a covering set of sample scripts for an example flow, one per leaf path', () => {
    const [name, document] = exampleFlows.find(([file]) => file.includes('auto-resolve-no-reply')) ?? ['fixture: steering', steering];
    const compiled = compileFlow(document, registry);
    const all = coveringScripts(compiled);
    const leaves = leafScripts(compiled, all);
    expect(leaves.length, name).toBeLessThan(all.length);
    expect([...visitedBy(compiled, leaves)].sort(), name).toEqual(Object.keys(compiled.nodes).sort());
    // Each script starts a run: its first event is one the idle flow listens to.
    for (const script of leaves) expect(compiled.triggerEvents).toContain(script[0]!.type);
  });
});
