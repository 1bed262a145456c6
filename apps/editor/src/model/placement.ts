import type { FlowDocument } from '@switchyard/flow';
import { NODE_HEIGHT, NODE_WIDTH, outputPortPoint, type Point, type PortsOf } from './auto-layout';

/** Room kept between a placed node and its neighbours, and the step between layers (as the layout spaces them). */
const GAP = 28;
const LAYER_STEP = NODE_HEIGHT + 48;

/** Where a new node goes and, when it follows another, the port it is wired from. */
export interface Placement {
  readonly position: Point;
  readonly wireFrom?: { readonly source: string; readonly port: string };
}

/**
 * The first output port of a node with no wire yet, in port order: the next step hangs there.
 * @example firstFreePort(['true', 'false'], doc, 'check') // 'false' when "true" is wired
 */
export function firstFreePort(ports: readonly string[], doc: FlowDocument, nodeId: string): string | undefined {
  const wired = new Set(doc.edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle));
  return ports.find((p) => !wired.has(p));
}

const overlaps = (a: Point, b: Point): boolean => Math.abs(a.x - b.x) < NODE_WIDTH + GAP / 2 && Math.abs(a.y - b.y) < NODE_HEIGHT + GAP / 2;

/**
 * The free spot nearest to `wanted` where a node covers no other: tried in rings around it,
 * sideways first (a layer grows sideways), then further down.
 */
export function freeSpot(doc: FlowDocument, wanted: Point): Point {
  const taken = doc.nodes.map((n) => n.position);
  const free = (p: Point) => !taken.some((t) => overlaps(p, t));
  const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });
  if (free(wanted)) return round(wanted);
  const stepX = NODE_WIDTH + GAP;
  for (let ring = 1; ring < 50; ring += 1) {
    for (let down = 0; down <= ring; down += 1) {
      for (const side of [1, -1]) {
        for (let across = 0; across <= ring; across += 1) {
          if (Math.max(down, across) !== ring) continue;
          const spot = { x: wanted.x + side * across * stepX, y: wanted.y + down * LAYER_STEP };
          if (free(spot)) return round(spot);
        }
      }
    }
  }
  return round({ x: wanted.x, y: Math.max(...taken.map((t) => t.y), wanted.y) + LAYER_STEP });
}

/**
 * Where a node added from the palette goes: below the selected node, under its first free port
 * and wired from it (a trigger is never wired into: it starts a run); else at the visible centre.
 * Never on top of another node.
 * @example placeNewNode(doc, portsOf, 'check', centre, true) // { position, wireFrom: { source: 'check', port: 'false' } }
 */
export function placeNewNode(
  doc: FlowDocument,
  portsOf: PortsOf,
  selected: string | undefined,
  visibleCentre: Point,
  takesInput: boolean,
): Placement {
  const after = selected === undefined ? undefined : doc.nodes.find((n) => n.id === selected);
  if (!after) return { position: freeSpot(doc, { x: visibleCentre.x - NODE_WIDTH / 2, y: visibleCentre.y - NODE_HEIGHT / 2 }) };
  const ports = portsOf(after.id);
  const port = takesInput ? firstFreePort(ports, doc, after.id) : undefined;
  const index = port === undefined ? 0 : ports.indexOf(port);
  // Under the port it hangs from: a condition's "true" goes down-left, its "false" down-right.
  const portX = outputPortPoint(index, ports.length).x;
  const lean = ports.length > 1 ? ((portX - NODE_WIDTH / 2) / (NODE_WIDTH / 2)) * ((NODE_WIDTH + GAP) / 2) : 0;
  const wanted = { x: after.position.x + lean, y: after.position.y + LAYER_STEP };
  const position = freeSpot(doc, wanted);
  return port === undefined ? { position } : { position, wireFrom: { source: after.id, port } };
}
