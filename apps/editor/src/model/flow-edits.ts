import type { FlowDocument, FlowEdge, FlowNode } from '@switchyard/flow';

/** Node and edge ids must match the flow model's Identifier: letters, digits, "-" and "_". */
const toIdentifier = (text: string): string => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'node';

/**
 * An id not yet used among `taken`: `base`, else `base-2`, `base-3`, ...
 * @example uniqueId('delay', new Set(['delay'])) // "delay-2"
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = toIdentifier(base);
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n += 1) if (!taken.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

/** Adds a node of a type at a position with an empty config; the inspector fills it in. */
export function addNode(doc: FlowDocument, type: string, position: FlowNode['position']): { doc: FlowDocument; id: string } {
  const id = uniqueId(type.replace(/\./g, '-'), new Set(doc.nodes.map((n) => n.id)));
  const node: FlowNode = { id, type, config: {}, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(doc: FlowDocument, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): FlowDocument {
  if (nodeIds.size === 0 && edgeIds.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: doc.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

/**
 * Connects a port to a node. A port leads to one place, so a new connection from a port
 * replaces the old one (as dragging a wire to a new socket does).
 */
export function connect(doc: FlowDocument, source: string, sourceHandle: string, target: string): FlowDocument {
  if (source === target) return doc;
  const kept = doc.edges.filter((e) => !(e.source === source && e.sourceHandle === sourceHandle));
  const id = uniqueId(`${source}__${sourceHandle}`, new Set(kept.map((e) => e.id)));
  const edge: FlowEdge = { id, source, sourceHandle, target };
  return { ...doc, edges: [...kept, edge] };
}

/** Changes one node's label or config; other nodes keep their identity (React Flow redraws only this one). */
export function updateNode(doc: FlowDocument, id: string, patch: Partial<Pick<FlowNode, 'label' | 'config'>>): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

/** Moves nodes to new positions, rounded to whole pixels so saved documents stay tidy. */
export function moveNodes(doc: FlowDocument, positions: ReadonlyMap<string, FlowNode['position']>): FlowDocument {
  if (positions.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}

/** Copied nodes and the edges between them. */
export interface Clip {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

/** Copies the selected nodes and the edges that run between two of them. */
export function copyNodes(doc: FlowDocument, ids: ReadonlySet<string>): Clip {
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Pastes a clip with fresh ids, shifted so the copy does not hide the original; returns the new node ids. */
export function pasteClip(doc: FlowDocument, clip: Clip, offset = { x: 40, y: 40 }): { doc: FlowDocument; ids: string[] } {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = clip.nodes.map((node) => {
    const id = uniqueId(node.id, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const edges = clip.edges.map((edge) => {
    const source = renamed.get(edge.source) ?? edge.source;
    const id = uniqueId(`${source}__${edge.sourceHandle}`, takenEdges);
    takenEdges.add(id);
    return { ...edge, id, source, target: renamed.get(edge.target) ?? edge.target };
  });
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}

/**
 * Adds a node and, when it follows another, the wire from that node's port to it: one edit, one undo step.
 * @example insertNode(doc, 'add_tag', { x: 0, y: 120 }, { source: 'check', port: 'true' }).id // "add_tag"
 */
export function insertNode(
  doc: FlowDocument,
  type: string,
  position: FlowNode['position'],
  wireFrom?: { readonly source: string; readonly port: string },
): { doc: FlowDocument; id: string } {
  const added = addNode(doc, type, position);
  return wireFrom ? { doc: connect(added.doc, wireFrom.source, wireFrom.port, added.id), id: added.id } : added;
}
