import type { FlowDocument, FlowEdge, FlowNode } from '@switchyard/flow';
import { stableJson } from './stable-json';

/** How a node differs between two documents. Moving a node is not a change of behaviour. */
export type NodeDiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** One changed field of a node: `label`, `type`, `typeVersion` or `config.<key>`. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface NodeDiff {
  readonly id: string;
  readonly status: NodeDiffStatus;
  /** The node as it is in `to`, or in `from` when removed. */
  readonly node: FlowNode;
  readonly changes: readonly FieldChange[];
  readonly moved: boolean;
}

export interface FlowDiff {
  readonly nodes: readonly NodeDiff[];
  readonly addedEdges: readonly FlowEdge[];
  readonly removedEdges: readonly FlowEdge[];
  /** True when nothing but positions differ. */
  readonly same: boolean;
}

/** Edges are the same connection when they join the same port to the same node, whatever their ids. */
export const edgeKey = (edge: FlowEdge): string => `${edge.source}\u0000${edge.sourceHandle}\u0000${edge.target}`;

function fieldChanges(before: FlowNode, after: FlowNode): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ['type', 'typeVersion', 'label'] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  const keys = [...new Set([...Object.keys(before.config), ...Object.keys(after.config)])].sort();
  for (const key of keys) {
    if (stableJson(before.config[key]) !== stableJson(after.config[key])) {
      changes.push({ field: `config.${key}`, before: before.config[key], after: after.config[key] });
    }
  }
  return changes;
}

/**
 * What changed from one flow document to another: nodes added, removed and changed (with the
 * changed config fields), and edges added and removed.
 * @example diffFlows(v1, v2).nodes.filter((n) => n.status === 'changed')
 */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowDiff {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const after = new Map(to.nodes.map((n) => [n.id, n]));
  const nodes: NodeDiff[] = [];
  for (const node of to.nodes) {
    const old = before.get(node.id);
    if (!old) {
      nodes.push({ id: node.id, status: 'added', node, changes: [], moved: false });
      continue;
    }
    const changes = fieldChanges(old, node);
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    nodes.push({ id: node.id, status: changes.length ? 'changed' : 'unchanged', node, changes, moved });
  }
  for (const node of from.nodes) {
    if (!after.has(node.id)) nodes.push({ id: node.id, status: 'removed', node, changes: [], moved: false });
  }
  const fromEdges = new Set(from.edges.map(edgeKey));
  const toEdges = new Set(to.edges.map(edgeKey));
  const addedEdges = to.edges.filter((e) => !fromEdges.has(edgeKey(e)));
  const removedEdges = from.edges.filter((e) => !toEdges.has(edgeKey(e)));
  const same = addedEdges.length === 0 && removedEdges.length === 0 && nodes.every((n) => n.status === 'unchanged');
  return { nodes, addedEdges, removedEdges, same };
}

/**
 * One document holding both sides for drawing: `to`'s nodes and edges plus what `from` had and `to` lost.
 * @example mergedForDiff(v1, v2).nodes.length // nodes of v2 + nodes removed since v1
 */
export function mergedForDiff(from: FlowDocument, to: FlowDocument): FlowDocument {
  const ids = new Set(to.nodes.map((n) => n.id));
  const toEdges = new Set(to.edges.map(edgeKey));
  const edgeIds = new Set(to.edges.map((e) => e.id));
  return {
    ...to,
    nodes: [...to.nodes, ...from.nodes.filter((n) => !ids.has(n.id))],
    edges: [
      ...to.edges,
      ...from.edges.filter((e) => !toEdges.has(edgeKey(e))).map((e) => (edgeIds.has(e.id) ? { ...e, id: `${e.id}-removed` } : e)),
    ],
  };
}

/** Everything the canvas needs to draw a comparison. */
export interface DiffView {
  readonly doc: FlowDocument;
  readonly diff: FlowDiff;
  readonly nodeDiff: ReadonlyMap<string, NodeDiffStatus>;
  readonly edgeDiff: ReadonlyMap<string, 'added' | 'removed'>;
}

/**
 * Both sides in one drawing: nodes and edges coloured by what happened to them from `from` to `to`.
 * @example diffView(v1, draft).nodeDiff.get('c1') // "changed"
 */
export function diffView(from: FlowDocument, to: FlowDocument): DiffView {
  const diff = diffFlows(from, to);
  const doc = mergedForDiff(from, to);
  const added = new Set(diff.addedEdges.map(edgeKey));
  const removed = new Set(diff.removedEdges.map(edgeKey));
  const edgeDiff = new Map<string, 'added' | 'removed'>();
  for (const edge of doc.edges) {
    const key = edgeKey(edge);
    if (added.has(key)) edgeDiff.set(edge.id, 'added');
    else if (removed.has(key)) edgeDiff.set(edge.id, 'removed');
  }
  return { doc, diff, nodeDiff: new Map(diff.nodes.map((n) => [n.id, n.status])), edgeDiff };
}
