import { builtinNodes, createNodeRegistry, defineNode } from '@switchyard/nodes';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { compileFlow, FlowCompileError } from './compile-flow';

const registry = createNodeRegistry(builtinNodes);

const flow = {
  id: 'vip',
  name: 'VIP priority',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'isVip', type: 'customer_tier', config: { tier: 'vip' } },
    { id: 'high', type: 'set_priority', config: { priority: 'high' } },
    { id: 'wait', type: 'delay', config: { duration: '15m' } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'isVip' },
    { id: 'e2', source: 'isVip', sourceHandle: 'true', target: 'high' },
    { id: 'e3', source: 'isVip', sourceHandle: 'false', target: 'done' },
    { id: 'e4', source: 'high', target: 'wait' },
    { id: 'e5', source: 'wait', target: 'done' },
  ],
};

describe('compileFlow', () => {
  it('is deterministic: the same document compiles to byte-identical JSON', () => {
    const a = JSON.stringify(compileFlow(flow, registry));
    const b = JSON.stringify(compileFlow(structuredClone(flow), registry));
    expect(a).toBe(b);
  });

  it('turns a trigger and its conditions into guarded transitions, one per route, naming the nodes they pass', () => {
    const { machine } = compileFlow(flow, registry);
    expect(machine.states._idle?.on?.['ticket.created']).toEqual([
      {
        target: 'high',
        guard: { type: 'route', params: { from: 'start', steps: [['isVip', 'true']] } },
        actions: [{ type: 'startRun' }, { type: 'visit', params: { node: 'start' } }, { type: 'visit', params: { node: 'isVip' } }],
      },
      {
        target: '_idle',
        guard: { type: 'route', params: { from: 'start', steps: [['isVip', 'false']] } },
        actions: [
          { type: 'startRun' },
          { type: 'visit', params: { node: 'start' } },
          { type: 'visit', params: { node: 'isVip' } },
          { type: 'visit', params: { node: 'done' } },
        ],
      },
    ]);
    expect(Object.keys(machine.states)).toEqual(['_idle', 'high', 'wait']);
  });

  it('turns waits into delayed transitions and actions into effect states', () => {
    const { machine } = compileFlow(flow, registry);
    expect(machine.states.wait?.after).toEqual({ wait: [{ target: '_idle', actions: [{ type: 'visit', params: { node: 'done' } }] }] });
    expect(machine.states.high?.entry).toContainEqual({ type: 'effect', params: { node: 'high' } });
  });

  it('keeps a condition as a state of its own when folding would multiply routes past MAX_ROUTES', () => {
    // A chain of 7 yes/no conditions that all join again: 2^7 routes if folded.
    const depth = 7;
    const nodes = [
      { id: 'start', type: 'ticket_created' },
      ...Array.from({ length: depth }, (_, i) => ({ id: `c${i}`, type: 'customer_tier', config: { tier: 'vip' } })),
      { id: 'tag', type: 'add_tag', config: { tag: 'seen' } },
    ];
    const edges = [
      { id: 'e-start', source: 'start', target: 'c0' },
      ...Array.from({ length: depth }, (_, i) =>
        ['true', 'false'].map((port) => ({
          id: `e${i}${port}`,
          source: `c${i}`,
          sourceHandle: port,
          target: i + 1 < depth ? `c${i + 1}` : 'tag',
        })),
      ).flat(),
    ];
    const { machine } = compileFlow({ id: 'deep', name: 'deep', nodes, edges }, registry);
    const kept = Object.keys(machine.states).filter((key) => key.startsWith('c'));
    expect(kept.length).toBeGreaterThan(0);
    const transitionCount = Object.values(machine.states).reduce(
      (sum, state) => sum + Object.values(state.on ?? {}).flat().length + (state.always?.length ?? 0),
      0,
    );
    expect(transitionCount).toBeLessThan(2 ** depth);
  });

  it('refuses an invalid flow with every diagnostic', () => {
    const broken = { ...flow, edges: flow.edges.filter((e) => e.id !== 'e3') };
    expect(() => compileFlow(broken, registry)).toThrow(FlowCompileError);
    try {
      compileFlow(broken, registry);
    } catch (error) {
      expect((error as FlowCompileError).diagnostics.map((d) => [d.code, d.nodeId])).toContainEqual(['missing_branch', 'isVip']);
    }
  });
});

/** The same JSON value with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reverseKeys(item)]),
  );
}

describe('compileFlow: shapes the host relies on', () => {
  const support = {
    id: 'support',
    name: 'Support',
    nodes: [
      { id: 'created', type: 'ticket_created', position: { x: 0, y: 0 } },
      { id: 'msgA', type: 'customer_message' },
      { id: 'msgB', type: 'customer_message' },
      {
        id: 'lookup',
        type: 'http',
        config: {
          url: 'https://crm.example/{{ticket.id}}',
          headers: { 'x-tenant': 'acme', accept: 'application/json' },
          sampleResponse: { status: 'ok', detail: { eta: '2d', carrier: 'SF' }, steps: [{ b: 1, a: 2 }] },
        },
      },
      { id: 'sorry', type: 'reply', config: { template: 'sorry', templateEn: 'Sorry' } },
      { id: 'listen', type: 'wait_for_event', config: { timeout: '30m', event: 'customer.message', from: 'step' } },
      { id: 'quiet', type: 'add_tag', config: { tag: 'quiet' } },
      { id: 'count', type: 'message_count', config: { count: 3, op: 'gte' } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', source: 'created', target: 'lookup' },
      { id: 'e2', source: 'lookup', sourceHandle: 'error', target: 'sorry' },
      { id: 'e3', source: 'lookup', target: 'listen' },
      { id: 'e4', source: 'listen', sourceHandle: 'event', target: 'listen' },
      { id: 'e5', source: 'listen', sourceHandle: 'timeout', target: 'quiet' },
      { id: 'e6', source: 'msgA', target: 'count' },
      { id: 'e7', source: 'count', sourceHandle: 'true', target: 'done' },
      { id: 'e8', source: 'count', sourceHandle: 'false', target: 'done' },
      { id: 'e9', source: 'msgB', target: 'done' },
    ],
  };

  it('compiles the same document with its keys in another order to the same JSON (free-form config parts kept input order: bug)', () => {
    const shuffled = reverseKeys(support);
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(support));
    expect(JSON.stringify(compileFlow(shuffled, registry))).toBe(JSON.stringify(compileFlow(support, registry)));
  });

  it('keeps the order of arrays, which is meaningful', () => {
    const reordered = {
      ...support,
      nodes: support.nodes.map((n) => (n.id === 'lookup' ? { ...n, config: { ...n.config, sampleResponse: { steps: [2, 1] } } } : n)),
    };
    expect(compileFlow(reordered, registry).nodes.lookup?.config).toMatchObject({ sampleResponse: { steps: [2, 1] } });
  });

  it('re-enters a wait that loops back to itself, so its timer restarts; other transitions do not re-enter', () => {
    const { machine } = compileFlow(support, registry);
    expect(machine.states.listen?.on?.['customer.message']).toEqual([
      { target: 'listen', guard: { type: 'route', params: { from: 'listen', steps: [] } }, actions: [], reenter: true },
    ]);
    expect(machine.states.listen?.after).toEqual({ listen: [{ target: 'quiet', actions: [] }] });
  });

  it('sends a failed action to its error port, and ends the run with `fail` when the port is unwired', () => {
    const { machine } = compileFlow(support, registry);
    expect(machine.states.lookup?.on?.['effect.error']).toEqual([
      { target: 'sorry', guard: { type: 'route', params: { from: 'lookup', steps: [] } }, actions: [] },
    ]);
    expect(machine.states.lookup?.on?.['effect.done']).toEqual([
      {
        target: 'listen',
        guard: { type: 'route', params: { from: 'lookup', steps: [] } },
        actions: [{ type: 'saveOutput', params: { node: 'lookup' } }],
      },
    ]);
    expect(machine.states.sorry?.on?.['effect.error']).toEqual([
      {
        target: '_idle',
        guard: { type: 'route', params: { from: 'sorry', steps: [] } },
        actions: [{ type: 'fail', params: { node: 'sorry' } }],
      },
    ]);
  });

  it('lists several triggers on the same event in node order, each guarded, and the event once', () => {
    const compiled = compileFlow(support, registry);
    const visits = (...nodes: string[]) => nodes.map((node) => ({ type: 'visit', params: { node } }));
    expect(compiled.machine.states._idle?.on?.['customer.message']).toEqual([
      {
        target: '_idle',
        guard: { type: 'route', params: { from: 'msgA', steps: [['count', 'true']] } },
        actions: [{ type: 'startRun' }, ...visits('msgA', 'count', 'done')],
      },
      {
        target: '_idle',
        guard: { type: 'route', params: { from: 'msgA', steps: [['count', 'false']] } },
        actions: [{ type: 'startRun' }, ...visits('msgA', 'count', 'done')],
      },
      {
        target: '_idle',
        guard: { type: 'route', params: { from: 'msgB', steps: [] } },
        actions: [{ type: 'startRun' }, ...visits('msgB', 'done')],
      },
    ]);
    expect(compiled.triggerEvents).toEqual(['ticket.created', 'customer.message']);
  });

  it('sends an end and an unwired port back to idle; an end has no state, only its visit', () => {
    const { machine } = compileFlow(support, registry);
    expect(machine.states.done).toBeUndefined();
    expect(machine.states.quiet?.on?.['effect.done']?.[0]).toMatchObject({ target: '_idle', actions: [{ type: 'saveOutput' }] });
  });
});

describe('compileFlow: node ids named like Object.prototype members', () => {
  it('gives a condition or an end named toString / constructor no state (they became the inherited function: bug)', () => {
    const named = {
      id: 'proto',
      name: 'Prototype names',
      nodes: [
        { id: 'valueOf', type: 'ticket_created' },
        { id: 'toString', type: 'customer_tier', config: { tier: 'vip' } },
        { id: 'hasOwnProperty', type: 'add_tag', config: { tag: 'vip' } },
        { id: 'constructor', type: 'end' },
      ],
      edges: [
        { id: 'e1', source: 'valueOf', target: 'toString' },
        { id: 'e2', source: 'toString', sourceHandle: 'true', target: 'hasOwnProperty' },
        { id: 'e3', source: 'toString', sourceHandle: 'false', target: 'constructor' },
      ],
    };
    const compiled = compileFlow(named, registry);
    expect(Object.keys(compiled.machine.states)).toEqual(['_idle', 'hasOwnProperty']);
    expect(Object.values(compiled.machine.states).map((state) => typeof state)).toEqual(['object', 'object']);
  });
});

describe('compileFlow: versioned node types', () => {
  const tagV1 = defineNode({
    type: 'acme.tag',
    kind: 'action',
    title: { en: 'Tag', 'zh-CN': '标签' },
    config: z.strictObject({ tag: z.string() }),
    run: (ctx, config) => ({ patch: { tags: [...ctx.ticket.tags, config.tag] } }),
  });
  const tagV2 = defineNode({
    type: 'acme.tag',
    version: 2,
    kind: 'action',
    title: { en: 'Tag', 'zh-CN': '标签' },
    config: z.strictObject({ tags: z.array(z.string()).min(1) }),
    run: (ctx, config) => ({ patch: { tags: [...ctx.ticket.tags, ...config.tags] } }),
  });
  const versioned = createNodeRegistry([...builtinNodes, tagV1, tagV2]);
  const flowWith = (node: Record<string, unknown>) => ({
    id: 'v',
    name: 'v',
    nodes: [
      { id: 'start', type: 'ticket_created' },
      { id: 'tag', type: 'acme.tag', ...node },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'tag' }],
  });

  it('validates and compiles a node pinned to an old version against that version, and records it', () => {
    const compiled = compileFlow(flowWith({ typeVersion: 1, config: { tag: 'old' } }), versioned);
    expect(compiled.nodes.tag).toMatchObject({ type: 'acme.tag', version: 1, config: { tag: 'old' } });
  });

  it('uses the newest version when none is pinned', () => {
    expect(compileFlow(flowWith({ config: { tags: ['new'] } }), versioned).nodes.tag?.version).toBe(2);
    expect(() => compileFlow(flowWith({ config: { tag: 'old' } }), versioned)).toThrow(FlowCompileError);
  });

  it('names the field when the pinned version is not installed', () => {
    try {
      compileFlow(flowWith({ typeVersion: 7, config: {} }), versioned);
      expect.unreachable();
    } catch (error) {
      expect((error as FlowCompileError).diagnostics).toEqual([
        expect.objectContaining({ code: 'unknown_node_type', nodeId: 'tag', field: 'typeVersion', params: { type: 'acme.tag v7' } }),
      ]);
    }
  });
});
