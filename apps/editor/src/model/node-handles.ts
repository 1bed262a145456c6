import { type NodeHandle, Position } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';

/*
 * The drawn geometry of a node (`.flow-node` and its handles in styles.css), in flow pixels. Handing
 * React Flow a node's size and handle places up front lets it draw only the nodes on screen at open:
 * a node it has neither measured nor been given handles for is drawn whatever its place, so that it
 * can be measured (500 nodes rendered, laid out and measured before the first useful frame).
 * test/browser/node-geometry.test.ts compares these figures with what the browser draws.
 */
/** `.flow-node` borders: 1px at the sides and bottom, the 4px kind stripe on top. */
const BORDER_SIDE = 1;
const BORDER_BOTTOM = 1;
const BORDER_TOP = 4;
/** `.flow-node .react-flow__handle`: 10px square (box-sizing: border-box). */
const HANDLE = 10;
/** `.flow-node .target-handle { top: -2px }`, from the padding box under the kind stripe. */
const TARGET_TOP = -2;

/** The size every flow node is drawn at, as React Flow measures it. */
export const DRAWN_SIZE: Readonly<{ width: number; height: number }> = { width: NODE_WIDTH, height: NODE_HEIGHT };

/**
 * A node's handles where the browser draws them, relative to the node's top-left corner: the input
 * centred on the top edge (translated half up), the output ports in equal grid columns across the
 * inner width, each handle centred on its column and on the bottom edge of the padding box.
 * @example nodeHandles(['true', 'false'], true)[1] // { type: 'source', id: 'true', x: 41.5, y: 70, ... }
 */
export function nodeHandles(ports: readonly string[], hasInput: boolean): NodeHandle[] {
  const handles: NodeHandle[] = [];
  if (hasInput) {
    handles.push({
      type: 'target',
      id: null,
      position: Position.Top,
      x: NODE_WIDTH / 2 - HANDLE / 2,
      y: BORDER_TOP + TARGET_TOP - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    });
  }
  const inner = NODE_WIDTH - 2 * BORDER_SIDE;
  ports.forEach((port, index) => {
    handles.push({
      type: 'source',
      id: port,
      position: Position.Bottom,
      x: BORDER_SIDE + (inner * (index + 0.5)) / ports.length - HANDLE / 2,
      y: NODE_HEIGHT - BORDER_BOTTOM - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    });
  });
  return handles;
}
