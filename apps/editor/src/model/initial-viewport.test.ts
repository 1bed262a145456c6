import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';
import { initialViewport, OPEN_ZOOM, READABLE_ZOOM, revealNode } from './initial-viewport';

const flowOf = (positions: readonly { x: number; y: number }[]): FlowDocument => ({
  id: 'f',
  name: 'F',
  description: '',
  nodes: positions.map((position, i) => ({ id: `n${i}`, type: i === 1 ? 'ticket_created' : 'x', config: {}, position })),
  edges: [],
});
const canvas = { width: 660, height: 700 };
const isTrigger = (n: FlowDocument['nodes'][number]) => n.type === 'ticket_created';

describe('where a flow opens', () => {
  it('fits a flow that stays readable when fitted, never past life size', () => {
    const small = initialViewport(
      flowOf([
        { x: 0, y: 0 },
        { x: 0, y: 120 },
      ]),
      canvas,
      isTrigger,
    );
    expect(small.zoom).toBe(1);
    const tall = initialViewport(
      flowOf([
        { x: 0, y: 0 },
        { x: 0, y: 1000 },
      ]),
      canvas,
      isTrigger,
    );
    expect(tall.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(tall.zoom).toBeLessThan(1);
    // The whole flow is on screen: its bottom edge is above the canvas's.
    expect(tall.y + (1000 + NODE_HEIGHT) * tall.zoom).toBeLessThanOrEqual(canvas.height);
  });

  it('opens a flow too big to fit at a readable zoom on its trigger, at the top centre', () => {
    const big = initialViewport(
      flowOf([
        { x: 0, y: 0 },
        { x: 400, y: -100 },
        { x: 0, y: 5000 },
      ]),
      canvas,
      isTrigger,
    );
    expect(big).toMatchObject({ zoom: OPEN_ZOOM, fitted: false });
    expect(big.x + (400 + NODE_WIDTH / 2) * big.zoom).toBeCloseTo(canvas.width / 2);
    expect(big.y + -100 * big.zoom).toBeGreaterThan(0);
  });

  it('opens an empty flow at life size', () => {
    expect(initialViewport(flowOf([]), canvas, isTrigger).zoom).toBe(1);
  });
});

describe('revealing a new node', () => {
  const view = { x: 0, y: 0, zoom: 1 };
  it('leaves the view alone when the node is on screen', () => {
    expect(revealNode(view, { x: 100, y: 100 }, canvas)).toBe(view);
  });

  it('pans only as far as needed, on each side', () => {
    // Off the right edge: the node's right side ends 24 px inside.
    expect(revealNode(view, { x: 600, y: 100 }, canvas).x).toBe(660 - 24 - 600 - NODE_WIDTH);
    // Off the bottom.
    expect(revealNode(view, { x: 100, y: 680 }, canvas).y).toBe(700 - 24 - 680 - NODE_HEIGHT);
    // Above the top strip, and left of the canvas.
    expect(revealNode(view, { x: -300, y: -10 }, canvas)).toMatchObject({ x: 324, y: 62, zoom: 1 });
  });

  it('counts in screen pixels at any zoom', () => {
    const half = { x: 0, y: 0, zoom: 0.5 };
    const moved = revealNode(half, { x: 1400, y: 100 }, canvas);
    expect(moved.x + (1400 + NODE_WIDTH) * 0.5).toBe(660 - 24);
    expect(moved.zoom).toBe(0.5);
  });
});
