import type { FlowDocument, FlowNode } from '@switchyard/flow';
import type { Edge, Node, NodeHandle } from '@xyflow/react';
import type { CatalogEntry } from '@switchyard/api';
import type { Locale } from '../i18n/translate';
import { currentRoute, type EdgeRoute, type Point, type PortsOf } from './auto-layout';
import { summarizeConfig } from './config-summary';
import type { PathSide } from './backtest-paths';
import type { NodeDiffStatus } from './flow-diff';
import { DRAWN_SIZE, nodeHandles } from './node-handles';

/** A node's kind: trigger, condition, action, wait or end. */
export type NodeKindName = CatalogEntry['kind'];

/** What a node component draws: everything is precomputed so the component stays cheap for 500 nodes. */
export type FlowNodeData = {
  readonly node: FlowNode;
  readonly kind?: NodeKindName;
  readonly title: string;
  readonly icon?: string;
  readonly summary: string;
  readonly ports: readonly string[];
  readonly hasInput: boolean;
  /** Unwired ports that end the run (false, timeout, error): drawn as a small end marker, not a node. */
  readonly implicitEnds: readonly string[];
  readonly problems: readonly string[];
  /** Dead-lettered effects and flow errors at this node in the last 24 h. */
  readonly failures?: number;
  readonly diff?: Exclude<NodeDiffStatus, 'unchanged'>;
  readonly visits?: number;
  /** A backtested ticket's replays that went through this node (backtest-paths.ts). */
  readonly pathSide?: PathSide;
  readonly branches?: Readonly<Record<string, number>>;
};
export type CanvasNode = Node<FlowNodeData, 'flow'>;

export type FlowEdgeData = {
  readonly port: string;
  readonly problems: readonly string[];
  readonly diff?: 'added' | 'removed';
  readonly visited?: boolean;
  readonly pathSide?: PathSide;
  readonly count?: number;
  /** The corner points the layout routed this edge through, while both its nodes stay where it put them. */
  readonly route?: readonly Point[];
};
export type CanvasEdge = Edge<FlowEdgeData, 'flow'>;

/** What decorates the drawing beyond the document itself. */
export interface CanvasContext {
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  readonly locale: Locale;
  readonly selected: ReadonlySet<string>;
  readonly problemsByNode?: ReadonlyMap<string, readonly string[]>;
  readonly problemsByEdge?: ReadonlyMap<string, readonly string[]>;
  /** Failures of the last 24 h per node (failures.ts). */
  readonly failuresByNode?: ReadonlyMap<string, number>;
  readonly nodeDiff?: ReadonlyMap<string, NodeDiffStatus>;
  readonly edgeDiff?: ReadonlyMap<string, 'added' | 'removed'>;
  readonly visitedNodes?: ReadonlySet<string>;
  readonly visitedEdges?: ReadonlySet<string>;
  readonly branches?: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** A backtested ticket's baseline and candidate paths, lit together. */
  readonly pathNodes?: ReadonlyMap<string, PathSide>;
  readonly pathEdges?: ReadonlyMap<string, PathSide>;
  /** Edge routes from the last layout of this flow's shape (auto-layout.ts). */
  readonly routes?: ReadonlyMap<string, EdgeRoute>;
}

/** Ports whose absence of a wire is a way to end the run, not a mistake: drawn as an implicit end. */
export const ENDING_PORTS: ReadonlySet<string> = new Set(['false', 'timeout', 'error', 'breach', 'rejected']);

const NO_PROBLEMS: readonly string[] = [];

/** Output ports in use per node, computed once per document rather than once per node. */
function usedPorts(doc: FlowDocument): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const edge of doc.edges) used.set(edge.source, [...(used.get(edge.source) ?? []), edge.sourceHandle]);
  return used;
}

/** A node's output ports: its type's, plus any port an edge already uses (a case port, an old port). */
export function portsOf(entry: CatalogEntry | undefined, used: readonly string[] = []): string[] {
  const ports = [...(entry?.ports ?? [])];
  for (const port of used) if (!ports.includes(port)) ports.push(port);
  return ports;
}

/** Summaries by node object: a drag redraws every frame, and only the moved node's object changes. */
const summaries = new WeakMap<FlowNode, { readonly locale: Locale; readonly text: string }>();
function summaryOf(node: FlowNode, locale: Locale): string {
  const cached = summaries.get(node);
  if (cached?.locale === locale) return cached.text;
  const text = summarizeConfig(node.type, node.config, locale);
  summaries.set(node, { locale, text });
  return text;
}

/**
 * Every node's output ports in drawing order, for the layout and for placing new nodes.
 * @example portsOfNodes(doc, catalog)('check') // ['true', 'false']
 */
export function portsOfNodes(doc: FlowDocument, catalog: ReadonlyMap<string, CatalogEntry>): PortsOf {
  const used = usedPorts(doc);
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  return (id) => portsOf(catalog.get(types.get(id) ?? ''), used.get(id));
}

function nodeData(node: FlowNode, used: readonly string[] | undefined, ctx: CanvasContext): FlowNodeData {
  const entry = ctx.catalog.get(node.type);
  const ports = portsOf(entry, used);
  const diff = ctx.nodeDiff?.get(node.id);
  const branches = ctx.branches?.get(node.id);
  const visited = ctx.visitedNodes?.has(node.id);
  const failures = ctx.failuresByNode?.get(node.id);
  const pathSide = ctx.pathNodes?.get(node.id);
  return {
    node,
    ...(entry ? { kind: entry.kind } : {}),
    title: node.label || entry?.title[ctx.locale] || node.type,
    ...(entry?.icon ? { icon: entry.icon } : {}),
    summary: summaryOf(node, ctx.locale),
    ports,
    hasInput: entry?.kind !== 'trigger',
    implicitEnds: ports.filter((p) => ENDING_PORTS.has(p) && !used?.includes(p)),
    problems: ctx.problemsByNode?.get(node.id) ?? NO_PROBLEMS,
    ...(failures ? { failures } : {}),
    ...(diff && diff !== 'unchanged' ? { diff } : {}),
    ...(visited ? { visits: 1 } : {}),
    ...(pathSide ? { pathSide } : {}),
    ...(branches ? { branches } : {}),
  };
}

/** Same strings in the same order: ports and problems are short lists, compared without joining them. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/** Same counts per port; called per node and edge on every drag frame, so no JSON. */
function sameCounts(a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function sameRoute(a: readonly Point[] | undefined, b: readonly Point[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((p, i) => p.x === b[i]?.x && p.y === b[i]?.y);
}

function sameEdgeData(a: FlowEdgeData, b: FlowEdgeData): boolean {
  return (
    a.port === b.port &&
    a.diff === b.diff &&
    a.visited === b.visited &&
    a.pathSide === b.pathSide &&
    a.count === b.count &&
    sameList(a.problems, b.problems) &&
    sameRoute(a.route, b.route)
  );
}

/** The previous array itself when every item is the one it had: React Flow then skips its per-array work. */
function keepIfSame<T>(next: T[], previous: T[]): T[] {
  return next.length === previous.length && next.every((item, i) => item === previous[i]) ? previous : next;
}

function sameData(a: FlowNodeData, b: FlowNodeData): boolean {
  return (
    a.node === b.node &&
    a.title === b.title &&
    a.summary === b.summary &&
    a.kind === b.kind &&
    a.diff === b.diff &&
    a.visits === b.visits &&
    a.pathSide === b.pathSide &&
    a.failures === b.failures &&
    a.hasInput === b.hasInput &&
    sameList(a.ports, b.ports) &&
    sameList(a.implicitEnds, b.implicitEnds) &&
    sameList(a.problems, b.problems) &&
    sameCounts(a.branches, b.branches)
  );
}

/** Handles per port list: nodes of a type share one array. */
const handleLists = new Map<string, NodeHandle[]>();
function handlesOf(ports: readonly string[], hasInput: boolean): NodeHandle[] {
  const key = `${hasInput ? 'in' : ''}\u0000${ports.join('\u0000')}`;
  const known = handleLists.get(key);
  if (known) return known;
  const handles = nodeHandles(ports, hasInput);
  handleLists.set(key, handles);
  return handles;
}

/**
 * React Flow nodes for a document. Nodes whose drawing did not change keep the previous object,
 * so React Flow re-renders only what changed (a drag moves one node, not 500); when nothing
 * changed, the previous array itself.
 */
export function toCanvasNodes(doc: FlowDocument, ctx: CanvasContext, previous: CanvasNode[] = []): CanvasNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const used = usedPorts(doc);
  const next = doc.nodes.map((node): CanvasNode => {
    const data = nodeData(node, used.get(node.id), ctx);
    const selected = ctx.selected.has(node.id);
    const old = before.get(node.id);
    if (old && old.selected === selected && old.position === node.position && sameData(old.data, data)) return old;
    // Sized and with its handles placed before it is drawn (node-handles.ts): React Flow then draws
    // only the nodes on screen. A size the browser measured otherwise wins, with its own handles.
    const measured = old?.measured ?? DRAWN_SIZE;
    const drawnSize = measured.width === DRAWN_SIZE.width && measured.height === DRAWN_SIZE.height;
    return {
      id: node.id,
      type: 'flow',
      position: node.position,
      data,
      selected,
      measured,
      ...(drawnSize ? { handles: handlesOf(data.ports, data.hasInput) } : {}),
    };
  });
  return keepIfSame(next, previous);
}

/**
 * React Flow edges for a document, each drawn from its source port. An edge whose drawing did not
 * change keeps its object, and the array is the previous one when no edge changed: dragging a
 * node then hands React Flow the same edges, and it rebuilds no edge lookup.
 */
export function toCanvasEdges(doc: FlowDocument, ctx: CanvasContext, previous: CanvasEdge[] = []): CanvasEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
  const next = doc.edges.map((edge): CanvasEdge => {
    const diff = ctx.edgeDiff?.get(edge.id);
    const count = ctx.branches?.get(edge.source)?.[edge.sourceHandle];
    const pathSide = ctx.pathEdges?.get(edge.id);
    const route = currentRoute(ctx.routes?.get(edge.id), at.get(edge.source), at.get(edge.target));
    const data: FlowEdgeData = {
      port: edge.sourceHandle,
      problems: ctx.problemsByEdge?.get(edge.id) ?? NO_PROBLEMS,
      ...(diff ? { diff } : {}),
      ...(ctx.visitedEdges?.has(edge.id) ? { visited: true } : {}),
      ...(pathSide ? { pathSide } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(route ? { route } : {}),
    };
    const selected = ctx.selected.has(edge.id);
    const old = before.get(edge.id);
    if (
      old?.data &&
      old.source === edge.source &&
      old.target === edge.target &&
      old.sourceHandle === edge.sourceHandle &&
      old.selected === selected &&
      sameEdgeData(old.data, data)
    ) {
      return old;
    }
    return { id: edge.id, type: 'flow', source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target, data, selected };
  });
  return keepIfSame(next, previous);
}
