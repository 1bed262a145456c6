import type { FlowDocument } from '@switchyard/flow';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

/** The size a node is drawn at (flow-node.tsx, `.flow-node` in styles.css); the layout and the drawing agree on it. */
export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 68;

/** A point in flow coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where an output port's handle sits on a node: evenly spread along the bottom edge, in port order. */
export function outputPortPoint(index: number, count: number): Point {
  return { x: Math.round((NODE_WIDTH * (index + 0.5)) / Math.max(count, 1)), y: NODE_HEIGHT };
}

/** The input handle: the middle of the top edge. */
export const INPUT_POINT: Point = { x: NODE_WIDTH / 2, y: 0 };

/** An edge as the layout routed it: its corner points from the source port to the target's input. */
export interface EdgeRoute {
  readonly points: readonly Point[];
  /** Where its two nodes stood when it was routed: a node moved since then makes the route stale. */
  readonly source: Point;
  readonly target: Point;
}

/** A laid-out flow: the document with new positions, and the routed edges. */
export interface FlowLayout {
  readonly doc: FlowDocument;
  readonly routes: ReadonlyMap<string, EdgeRoute>;
}

/** A node's output ports in drawing order (its type's, then any other an edge uses). */
export type PortsOf = (nodeId: string) => readonly string[];

/**
 * Layered layout tuned for flows (ELK "layered"): top to bottom, since the canvas between the palette and the
 * side panel is taller than wide at 1280 x 800; ports fixed where the node draws them, in port order;
 * orthogonal edges routed around nodes; compact spacing so a 14-node flow fits without shrinking its text.
 */
const LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // The order nodes and edges have in the document breaks ties: the same flow lays out the same way.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
};

const portId = (node: string, port: string): string => `${node}\u0000${port}`;
const inputId = (node: string): string => `${node}\u0000\u0000in`;

/** The ELK graph of a flow: one node per flow node with its ports at fixed spots, one edge per wire. */
export function toElkGraph(doc: FlowDocument, portsOf: PortsOf): ElkNode {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const children: ElkNode[] = doc.nodes.map((node) => {
    const ports = portsOf(node.id);
    return {
      id: node.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [
        { id: inputId(node.id), ...INPUT_POINT, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'NORTH' } },
        ...ports.map((port, index) => ({
          id: portId(node.id, port),
          ...outputPortPoint(index, ports.length),
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(index) },
        })),
      ],
    };
  });
  const edges: ElkExtendedEdge[] = doc.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target) && portsOf(e.source).includes(e.sourceHandle))
    .map((e) => ({ id: e.id, sources: [portId(e.source, e.sourceHandle)], targets: [inputId(e.target)] }));
  return { id: '\u0000root', layoutOptions: { ...LAYOUT_OPTIONS }, children, edges };
}

type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;
let engine: Promise<ElkLayout> | undefined;

/** ELK is 1.6 MB of compiled Java: loaded on the first layout, in its own chunk, never with the editor's first paint. */
function loadEngine(): Promise<ElkLayout> {
  engine ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => {
    const elk = new ELK();
    return (graph: ElkNode) => elk.layout(graph);
  });
  return engine;
}

/**
 * Lays a flow out in layers, top to bottom, and routes its edges; keeps ids, configs and edges.
 * Pure apart from loading the engine: the same document gives the same positions.
 * @example (await autoLayout(doc, portsOf)).doc.nodes[0].position
 */
export async function autoLayout(doc: FlowDocument, portsOf: PortsOf): Promise<FlowLayout> {
  const layout = await loadEngine();
  const laid = await layout(toElkGraph(doc, portsOf));
  const placed = new Map<string, Point>();
  for (const child of laid.children ?? []) placed.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  const routes = new Map<string, EdgeRoute>();
  const byId = new Map(doc.edges.map((e) => [e.id, e]));
  for (const edge of laid.edges ?? []) {
    const section = edge.sections?.[0];
    const wire = byId.get(edge.id);
    const source = wire && placed.get(wire.source);
    const target = wire && placed.get(wire.target);
    if (!section || !source || !target) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y }));
    routes.set(edge.id, { points, source, target });
  }
  return {
    doc: { ...doc, nodes: doc.nodes.map((node) => ({ ...node, position: placed.get(node.id) ?? node.position })) },
    routes,
  };
}

/**
 * The route of an edge if both its nodes still stand where the layout put them; a moved node's edges
 * fall back to the canvas's own path.
 */
export function currentRoute(
  route: EdgeRoute | undefined,
  source: Point | undefined,
  target: Point | undefined,
): readonly Point[] | undefined {
  if (!route || !source || !target) return undefined;
  const near = (a: Point, b: Point) => Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;
  return near(route.source, source) && near(route.target, target) ? route.points : undefined;
}
