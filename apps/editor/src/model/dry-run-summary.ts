import type { FlowDocument } from '@switchyard/flow';
import type { DryRunResult } from '@switchyard/api';
import { stableJson } from './stable-json';

/** How many runs left a node through each of its ports. */
export type BranchCounts = ReadonlyMap<string, Readonly<Record<string, number>>>;

/** The part of a result's path that went through this flow: `paths[flowId]` when the server split it. */
export function pathInFlow(result: DryRunResult, flowId: string): readonly string[] {
  return result.paths[flowId] ?? result.path;
}

/**
 * Counts, for every node with outgoing edges, how many times a run left it through each port,
 * by matching consecutive path steps to the flow's edges.
 * @example branchCounts(doc, results).get('is-logistics') // { true: 3, false: 1 }
 */
export function branchCounts(doc: FlowDocument, results: readonly DryRunResult[]): BranchCounts {
  const portOf = new Map(doc.edges.map((e) => [`${e.source}\u0000${e.target}`, e.sourceHandle]));
  const counts = new Map<string, Record<string, number>>();
  for (const result of results) {
    const path = pathInFlow(result, doc.id);
    for (const [i, node] of path.entries()) {
      const next = path[i + 1];
      const port = next === undefined ? undefined : portOf.get(`${node}\u0000${next}`);
      if (port === undefined) continue;
      const byPort = counts.get(node) ?? {};
      byPort[port] = (byPort[port] ?? 0) + 1;
      counts.set(node, byPort);
    }
  }
  return counts;
}

/** Node ids and edge ids a set of runs passed through, for highlighting on the canvas. */
export function visitedElements(doc: FlowDocument, results: readonly DryRunResult[]): { nodes: Set<string>; edges: Set<string> } {
  const edgeOf = new Map(doc.edges.map((e) => [`${e.source}\u0000${e.target}`, e.id]));
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const result of results) {
    const path = pathInFlow(result, doc.id);
    path.forEach((node, i) => {
      nodes.add(node);
      const edge = i + 1 < path.length ? edgeOf.get(`${node}\u0000${path[i + 1]}`) : undefined;
      if (edge) edges.add(edge);
    });
  }
  return { nodes, edges };
}

/** What a run did, for comparing two runs of the same ticket: the final fields and the actions in order. */
export function outcomeOf(result: DryRunResult): string {
  return stableJson({
    final: result.final,
    actions: result.actions.map((a) => ({ at: a.at, node: a.node, type: a.type, params: a.params })),
    errors: result.errors.map((e) => e.message),
  });
}

/** One ticket run on two sides. */
export interface OutcomeRow {
  readonly ticketId: string;
  readonly left?: DryRunResult;
  readonly right?: DryRunResult;
  readonly differs: boolean;
}

/**
 * Pairs two dry-runs of the same tickets by ticket id, the tickets whose outcome differs first,
 * each group in the left side's order.
 * @example compareRuns(v1Results, v2Results)[0].differs
 */
export function compareRuns(left: readonly DryRunResult[], right: readonly DryRunResult[]): OutcomeRow[] {
  const rightById = new Map(right.map((r) => [r.ticketId, r]));
  const ids = [...new Set([...left.map((r) => r.ticketId), ...right.map((r) => r.ticketId)])];
  const leftById = new Map(left.map((r) => [r.ticketId, r]));
  const rows = ids.map((ticketId) => {
    const a = leftById.get(ticketId);
    const b = rightById.get(ticketId);
    return { ticketId, ...(a ? { left: a } : {}), ...(b ? { right: b } : {}), differs: !a || !b || outcomeOf(a) !== outcomeOf(b) };
  });
  return [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
}
