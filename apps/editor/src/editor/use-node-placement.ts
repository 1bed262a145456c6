import type { FlowDocument } from '@switchyard/flow';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import type { CatalogEntry } from '@switchyard/api';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from '../model/auto-layout';
import { portsOfNodes } from '../model/flow-to-canvas';
import { placeNewNode } from '../model/placement';
import type { FlowEditor } from './use-flow-editor';

/** The canvas element's box on screen (the one flow page has one canvas). */
function canvasBox(): DOMRect | undefined {
  return document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
}

/**
 * Adding nodes where a person expects them: after the selected node (or the one named), wired from
 * its first free port; else in the visible centre; never on top of another. The new node is
 * scrolled into view when it lands off screen.
 */
export function useNodePlacement(editor: FlowEditor | undefined, doc: FlowDocument, catalog: ReadonlyMap<string, CatalogEntry>) {
  const flow = useReactFlow();
  const latest = useRef({ editor, doc, catalog });
  latest.current = { editor, doc, catalog };

  const reveal = useCallback(
    (position: Point) => {
      const box = canvasBox();
      if (!box) return;
      const { x, y, zoom } = flow.getViewport();
      const left = position.x * zoom + x;
      const top = position.y * zoom + y;
      const inside = left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= box.width && top + NODE_HEIGHT * zoom <= box.height;
      if (!inside) void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom, duration: 200 });
    },
    [flow],
  );

  /** Adds a node of a type after `after` (else after the single selected node), wired from `port` or its first free one. */
  const addNode = useCallback(
    (type: string, options: { after?: string | undefined; port?: string | undefined; at?: Point | undefined } = {}) => {
      const { editor: current, doc: draft, catalog: types } = latest.current;
      if (!current) return undefined;
      const box = canvasBox();
      const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
      const selected = [...current.selection].filter((id) => draft.nodes.some((n) => n.id === id));
      const after = options.after ?? (selected.length === 1 ? selected[0] : undefined);
      const takesInput = types.get(type)?.kind !== 'trigger';
      const placed = placeNewNode(draft, portsOfNodes(draft, types), after, options.at ?? centre, takesInput);
      // A wire dragged from a port onto the canvas names its port: that one, not the first free one.
      const wireFrom = takesInput && after && options.port ? { source: after, port: options.port } : placed.wireFrom;
      const id = current.insert(type, placed.position, wireFrom);
      reveal(placed.position);
      return id;
    },
    [flow, reveal],
  );
  return { addNode };
}
