import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { NODE_WIDTH } from './auto-layout';
import { initialViewport, OPEN_ZOOM, READABLE_ZOOM } from './initial-viewport';

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
    expect(tall.y + (1000 + 68) * tall.zoom).toBeLessThanOrEqual(canvas.height);
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
