import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { diffFlows, diffView, mergedForDiff } from './flow-diff';

const base: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: [
    { id: 't', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    { id: 'c', type: 'text_contains', config: { keywords: ['物流'] }, position: { x: 200, y: 0 } },
    { id: 'a', type: 'set_priority', config: { priority: 'high' }, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 't__next', source: 't', sourceHandle: 'next', target: 'c' },
    { id: 'c__true', source: 'c', sourceHandle: 'true', target: 'a' },
  ],
};

describe('diffFlows', () => {
  it('finds added, removed and changed nodes with the changed config fields', () => {
    const next: FlowDocument = {
      ...base,
      nodes: [
        base.nodes[0]!,
        { ...base.nodes[1]!, config: { keywords: ['物流', '快递'] } },
        { id: 'e', type: 'end', config: {}, position: { x: 400, y: 200 } },
      ],
      edges: [base.edges[0]!, { id: 'c__false', source: 'c', sourceHandle: 'false', target: 'e' }],
    };
    const diff = diffFlows(base, next);
    const status = Object.fromEntries(diff.nodes.map((n) => [n.id, n.status]));
    expect(status).toEqual({ t: 'unchanged', c: 'changed', e: 'added', a: 'removed' });
    expect(diff.nodes.find((n) => n.id === 'c')!.changes).toEqual([
      { field: 'config.keywords', before: ['物流'], after: ['物流', '快递'] },
    ]);
    expect(diff.addedEdges.map((e) => e.id)).toEqual(['c__false']);
    expect(diff.removedEdges.map((e) => e.id)).toEqual(['c__true']);
    expect(diff.same).toBe(false);
  });

  it('treats a moved node and a renamed edge id as no change', () => {
    const moved: FlowDocument = {
      ...base,
      nodes: base.nodes.map((n) => ({ ...n, position: { x: n.position.x + 10, y: 5 } })),
      edges: base.edges.map((e) => ({ ...e, id: `${e.id}-2` })),
    };
    const diff = diffFlows(base, moved);
    expect(diff.same).toBe(true);
    expect(diff.nodes.every((n) => n.moved)).toBe(true);
  });

  it('ignores key order in configs', () => {
    const a: FlowDocument = {
      ...base,
      nodes: [{ id: 'x', type: 'field_compare', config: { field: 'category', op: 'eq' }, position: { x: 0, y: 0 } }],
      edges: [],
    };
    const b: FlowDocument = { ...a, nodes: [{ ...a.nodes[0]!, config: { op: 'eq', field: 'category' } }] };
    expect(diffFlows(a, b).same).toBe(true);
  });

  it('draws removed nodes and edges beside the new document', () => {
    const next: FlowDocument = { ...base, nodes: base.nodes.slice(0, 2), edges: base.edges.slice(0, 1) };
    const merged = mergedForDiff(base, next);
    expect(merged.nodes.map((n) => n.id)).toEqual(['t', 'c', 'a']);
    expect(merged.edges.map((e) => e.id)).toEqual(['t__next', 'c__true']);
  });
});

describe('diffView', () => {
  it('colours nodes and edges of both sides', () => {
    const next: FlowDocument = {
      ...base,
      nodes: [
        base.nodes[0]!,
        { ...base.nodes[1]!, config: { keywords: ['快递'] } },
        { id: 'e', type: 'end', config: {}, position: { x: 0, y: 0 } },
      ],
      edges: [base.edges[0]!, { id: 'c__true', source: 'c', sourceHandle: 'true', target: 'e' }],
    };
    const view = diffView(base, next);
    expect(Object.fromEntries(view.nodeDiff)).toEqual({ t: 'unchanged', c: 'changed', e: 'added', a: 'removed' });
    expect(Object.fromEntries(view.edgeDiff)).toEqual({ c__true: 'added', 'c__true-removed': 'removed' });
    expect(view.doc.nodes).toHaveLength(4);
  });
});
