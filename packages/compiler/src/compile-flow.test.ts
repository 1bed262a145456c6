import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
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

  it('turns conditions into guarded transitions whose last branch is the fallback', () => {
    const { machine } = compileFlow(flow, registry);
    expect(machine.states.isVip?.always).toEqual([
      { target: 'high', guard: { type: 'branch', params: { node: 'isVip', port: 'true' } } },
      { target: 'done' },
    ]);
  });

  it('turns waits into delayed transitions and actions into effect states', () => {
    const { machine } = compileFlow(flow, registry);
    expect(machine.states.wait?.after).toEqual({ wait: [{ target: 'done' }] });
    expect(machine.states.high?.entry).toContainEqual({ type: 'effect', params: { node: 'high' } });
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
