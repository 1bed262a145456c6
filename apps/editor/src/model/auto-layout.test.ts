import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { autoLayout, currentRoute, NODE_HEIGHT, NODE_WIDTH, outputPortPoint, type PortsOf } from './auto-layout';
import { generateLargeFlow } from './large-flow';

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
const ports: PortsOf = (id) => (id === 'c' ? ['true', 'false'] : ['next']);

/** Two nodes' boxes share some area. */
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('autoLayout', () => {
  it('places each layer below the one before, ports in order: "true" left of "false"', async () => {
    const { doc: laid } = await autoLayout(doc, ports);
    const pos = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
    expect(pos.c!.y).toBeGreaterThanOrEqual(pos.t!.y + NODE_HEIGHT);
    expect(pos.a!.y).toBeGreaterThanOrEqual(pos.c!.y + NODE_HEIGHT);
    expect(pos.a!.y).toBe(pos.b!.y);
    expect(pos.a!.x + NODE_WIDTH).toBeLessThanOrEqual(pos.b!.x);
  });

  it('routes each edge from its port to the input of its target', async () => {
    const { doc: laid, routes } = await autoLayout(doc, ports);
    const pos = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
    const falseRoute = routes.get('e3')!.points;
    const port = outputPortPoint(1, 2);
    expect(falseRoute[0]).toEqual({ x: pos.c!.x + port.x, y: pos.c!.y + port.y });
    expect(falseRoute.at(-1)).toEqual({ x: pos.b!.x + NODE_WIDTH / 2, y: pos.b!.y });
    expect(currentRoute(routes.get('e3'), pos.c, pos.b)).toBe(falseRoute);
    // Moved by hand: the route is stale and the canvas draws its own path.
    expect(currentRoute(routes.get('e3'), pos.c, { x: pos.b!.x + 50, y: pos.b!.y })).toBeUndefined();
  });

  it('keeps everything but positions, and gives the same layout twice', async () => {
    const first = await autoLayout(doc, ports);
    const second = await autoLayout(doc, ports);
    expect(first.doc.edges).toBe(doc.edges);
    expect(first.doc.nodes.map((n) => n.id)).toEqual(['t', 'c', 'a', 'b']);
    expect(second.doc.nodes.map((n) => n.position)).toEqual(first.doc.nodes.map((n) => n.position));
  });

  it('ignores edges to missing nodes or from unknown ports', async () => {
    const broken = {
      ...doc,
      edges: [
        ...doc.edges,
        { id: 'e4', source: 'a', sourceHandle: 'next', target: 'ghost' },
        { id: 'e5', source: 'a', sourceHandle: 'nowhere', target: 'b' },
      ],
    };
    const { routes } = await autoLayout(broken, ports);
    expect(routes.has('e4')).toBe(false);
    expect(routes.has('e5')).toBe(false);
  });

  it('lays out 60 nodes with no two overlapping', async () => {
    const large = generateLargeFlow(60);
    const largePorts: PortsOf = (id) => (id.startsWith('c') ? ['true', 'false'] : ['next']);
    const { doc: laid } = await autoLayout(large, largePorts);
    const positions = laid.nodes.map((n) => n.position);
    for (const [i, a] of positions.entries()) for (const b of positions.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });
});
