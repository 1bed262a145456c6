/**
 * Structural coverage of compiled flows with @xstate/graph: steer every condition from
 * the event, walk the machine, and check every node of every flow can be reached. The
 * same walk yields a covering set of event scripts for an example flow.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry, defineNode } from '@switchyard/nodes';
import { toDirectedGraph } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { type CompiledFlow, IDLE } from './compiled-flow';
import { createFlowMachine } from './create-flow-machine';
import { coveringScripts, leafScripts, playScript, scriptStep, type SteeredEvent } from './testing/index';

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

/** Plays scripts on the steered machine as a host would and returns the nodes entered (from the `visit` actions). */
function visitedBy(compiled: CompiledFlow, scripts: readonly SteeredEvent[][]): Set<string> {
  const visited = new Set<string>();
  for (const script of scripts) {
    for (const played of playScript(compiled, registry, script)) {
      played.visits.forEach((node) => visited.add(node));
      // Every generated event must move the flow: enter a node, or end the run.
      expect(played.visits.length > 0 || played.after !== played.before, `${played.event.type} from ${played.before}`).toBe(true);
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
    const scripts = coveringScripts(compiled, registry);
    expect([...visitedBy(compiled, scripts)].sort()).toEqual(Object.keys(compiled.nodes).sort());
  });

  it('reaches both triggers of one event, every port of a multi-way condition, and an error branch', () => {
    const compiled = compileFlow(steering, registry);
    const steps = coveringScripts(compiled, registry)
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
    const all = coveringScripts(compiled, registry);
    const leaves = leafScripts(compiled, all);
    expect(leaves.length, name).toBeLessThan(all.length);
    expect([...visitedBy(compiled, leaves)].sort(), name).toEqual(Object.keys(compiled.nodes).sort());
    // Each script starts a run: its first event is one the idle flow listens to.
    for (const script of leaves) expect(compiled.triggerEvents).toContain(script[0]!.type);
  });
});
