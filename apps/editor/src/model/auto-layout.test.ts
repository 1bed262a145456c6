import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from './auto-layout';

const at = { x: 0, y: 0 };
const doc: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: ['t', 'c', 'a', 'b'].map((id) => ({ id, type: 'x', config: {}, position: at })),
  edges: [
    { id: 'e1', source: 't', sourceHandle: 'next', target: 'c' },
    { id: 'e2', source: 'c', sourceHandle: 'true', target: 'a' },
    { id: 'e3', source: 'c', sourceHandle: 'false', target: 'b' },
  ],
};

describe('autoLayout', () => {
  it('places each layer to the right of the one before, without overlaps', () => {
    const laid = autoLayout(doc);
    const pos = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
    expect(pos.c!.x).toBeGreaterThan(pos.t!.x + NODE_WIDTH - 1);
    expect(pos.a!.x).toBeGreaterThan(pos.c!.x + NODE_WIDTH - 1);
    expect(pos.a!.x).toBe(pos.b!.x);
    expect(Math.abs(pos.a!.y - pos.b!.y)).toBeGreaterThanOrEqual(NODE_HEIGHT);
  });

  it('keeps everything but positions', () => {
    const laid = autoLayout(doc);
    expect(laid.edges).toBe(doc.edges);
    expect(laid.nodes.map((n) => n.id)).toEqual(['t', 'c', 'a', 'b']);
  });

  it('ignores edges to missing nodes', () => {
    const broken = { ...doc, edges: [...doc.edges, { id: 'e4', source: 'a', sourceHandle: 'next', target: 'ghost' }] };
    expect(() => autoLayout(broken)).not.toThrow();
  });
});
