import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH, type PortsOf } from './auto-layout';
import { firstFreePort, freeSpot, placeNewNode } from './placement';

const doc: FlowDocument = {
  id: 'f',
  name: 'F',
  description: '',
  nodes: [
    { id: 'start', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    { id: 'check', type: 'text_contains', config: {}, position: { x: 0, y: 120 } },
    { id: 'tag', type: 'add_tag', config: {}, position: { x: -106, y: 236 } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'check' },
    { id: 'e2', source: 'check', sourceHandle: 'true', target: 'tag' },
  ],
};
const ports: PortsOf = (id) => (id === 'check' ? ['true', 'false'] : id === 'end' ? [] : ['next']);
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
const centre = { x: 100, y: 100 };

describe('placing a new node', () => {
  it('finds the first port without a wire, in port order', () => {
    expect(firstFreePort(['true', 'false'], doc, 'check')).toBe('false');
    expect(firstFreePort(['next'], doc, 'start')).toBeUndefined();
    expect(firstFreePort(['next'], doc, 'tag')).toBe('next');
  });

  it('lands below the selected node, wired from its free port, leaning to that port', () => {
    const placed = placeNewNode(doc, ports, 'check', centre, true);
    expect(placed.wireFrom).toEqual({ source: 'check', port: 'false' });
    expect(placed.position.y).toBeGreaterThanOrEqual(120 + NODE_HEIGHT);
    expect(placed.position.x).toBeGreaterThan(0);
    for (const node of doc.nodes) expect(overlaps(placed.position, node.position)).toBe(false);
  });

  it('is not wired when every port is taken, or when it is a trigger', () => {
    expect(placeNewNode(doc, ports, 'start', centre, true).wireFrom).toBeUndefined();
    expect(placeNewNode(doc, ports, 'tag', centre, false).wireFrom).toBeUndefined();
  });

  it('goes to the visible centre with nothing selected, never on top of another node', () => {
    const placed = placeNewNode(doc, ports, undefined, { x: NODE_WIDTH / 2, y: 120 + NODE_HEIGHT / 2 }, true);
    expect(placed.wireFrom).toBeUndefined();
    for (const node of doc.nodes) expect(overlaps(placed.position, node.position)).toBe(false);
  });

  it('keeps finding free spots as nodes pile up at one place', () => {
    let grown = doc;
    for (let i = 0; i < 30; i += 1) {
      const spot = freeSpot(grown, { x: 0, y: 0 });
      for (const node of grown.nodes) expect(overlaps(spot, node.position)).toBe(false);
      grown = { ...grown, nodes: [...grown.nodes, { id: `n${i}`, type: 'x', config: {}, position: spot }] };
    }
  });
});
