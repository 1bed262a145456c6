import type { FlowDocument } from '@switchyard/flow';
import { NODE_HEIGHT, NODE_WIDTH } from './auto-layout';

/** A React Flow viewport: the flow point at the canvas's top-left corner is (-x / zoom, -y / zoom). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * Below this zoom even the simplified node (its label alone, drawn large) cannot show a label in
 * readable type: the first sight of a flow never goes lower.
 */
export const READABLE_ZOOM = 0.45;
/** The zoom a flow too big to fit opens at: full detail, node text at its designed size. */
export const OPEN_ZOOM = 0.85;
/** Fitting never zooms past life size: two nodes should not fill the screen at 200%. */
const MAX_FIT_ZOOM = 1;
/** Screen pixels kept free around a fitted flow; the top strip holds the canvas search and the zoom buttons. */
const MARGIN = 20;
export const TOP_STRIP = 52;

/**
 * Where a flow opens: fitted whole when that keeps its labels readable; else at a readable zoom with
 * its start (the first trigger, else the top-left node) at the top centre, the rest a scroll away.
 * @example initialViewport(doc, { width: 660, height: 700 }, (n) => n.type === 'ticket_created')
 */
export function initialViewport(
  doc: FlowDocument,
  canvas: { readonly width: number; readonly height: number },
  isTrigger: (node: FlowDocument['nodes'][number]) => boolean,
): Viewport & { readonly fitted: boolean } {
  if (doc.nodes.length === 0) return { x: canvas.width / 2, y: canvas.height / 3, zoom: 1, fitted: true };
  const left = Math.min(...doc.nodes.map((n) => n.position.x));
  const top = Math.min(...doc.nodes.map((n) => n.position.y));
  const right = Math.max(...doc.nodes.map((n) => n.position.x + NODE_WIDTH));
  const bottom = Math.max(...doc.nodes.map((n) => n.position.y + NODE_HEIGHT));
  const width = right - left;
  const height = bottom - top;
  const room = { width: canvas.width - 2 * MARGIN, height: canvas.height - TOP_STRIP - MARGIN };
  const fitted = Math.min(room.width / width, room.height / height, MAX_FIT_ZOOM);
  if (fitted >= READABLE_ZOOM) {
    return {
      x: MARGIN + (room.width - width * fitted) / 2 - left * fitted,
      y: TOP_STRIP + (room.height - height * fitted) / 2 - top * fitted,
      zoom: fitted,
      fitted: true,
    };
  }
  const byPlace = [...doc.nodes].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  const start = byPlace.find(isTrigger) ?? byPlace[0];
  const anchor = start?.position ?? { x: left, y: top };
  const zoom = OPEN_ZOOM;
  return { x: canvas.width / 2 - (anchor.x + NODE_WIDTH / 2) * zoom, y: TOP_STRIP - anchor.y * zoom, zoom, fitted: false };
}
