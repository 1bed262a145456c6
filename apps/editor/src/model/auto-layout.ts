import dagre from '@dagrejs/dagre';
import type { FlowDocument } from '@switchyard/flow';

/** The size a node is drawn at (flow-node.tsx); the layout keeps this much room around each. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;

const isPoint = (value: unknown): value is { x: number; y: number } =>
  typeof value === 'object' && value !== null && 'x' in value && 'y' in value && typeof value.x === 'number' && typeof value.y === 'number';

/**
 * Lays a flow out left to right in layers (dagre's Sugiyama layout), keeping node ids, configs and edges.
 * Ports keep their drawing order because edges are added in port order.
 * @example autoLayout(doc).nodes[0].position
 */
export function autoLayout(doc: FlowDocument): FlowDocument {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const edge of doc.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  return {
    ...doc,
    nodes: doc.nodes.map((node) => {
      const placed: unknown = graph.node(node.id);
      // dagre gives centres; the document stores top-left corners, as React Flow draws them.
      return isPoint(placed)
        ? { ...node, position: { x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) } }
        : node;
    }),
  };
}
