import type { FlowDocument } from '@switchyard/flow';
import type { DryRunResult } from '@switchyard/api';
import { pathInFlow } from './dry-run-summary';

/** Which replay of a backtested ticket went through a node or an edge: the baseline, the candidate, or both. */
export type PathSide = 'baseline' | 'candidate' | 'both';

/** Nodes and edges of a flow lit by the two replays of one ticket. */
export interface PathSides {
  readonly nodes: ReadonlyMap<string, PathSide>;
  readonly edges: ReadonlyMap<string, PathSide>;
}

function walked(doc: FlowDocument, result: DryRunResult): { nodes: Set<string>; edges: Set<string> } {
  const edgeOf = new Map(doc.edges.map((e) => [`${e.source}\u0000${e.target}`, e.id]));
  const path = pathInFlow(result, doc.id);
  const nodes = new Set(path);
  const edges = new Set<string>();
  path.forEach((node, i) => {
    const edge = edgeOf.get(`${node}\u0000${path[i + 1] ?? ''}`);
    if (edge) edges.add(edge);
  });
  return { nodes, edges };
}

function merge(a: ReadonlySet<string>, b: ReadonlySet<string>): Map<string, PathSide> {
  const sides = new Map<string, PathSide>();
  for (const id of a) sides.set(id, b.has(id) ? 'both' : 'baseline');
  for (const id of b) if (!a.has(id)) sides.set(id, 'candidate');
  return sides;
}

/**
 * The baseline's and the candidate's paths through `doc`, merged: each node and edge either run
 * went through, marked by which. A step of a path that `doc` lacks (a node the candidate removed)
 * lights nothing.
 * @example pathSides(doc, baseline, candidate).nodes.get('ic-is-logistics') // 'both'
 */
export function pathSides(doc: FlowDocument, baseline: DryRunResult, candidate: DryRunResult): PathSides {
  const a = walked(doc, baseline);
  const b = walked(doc, candidate);
  return { nodes: merge(a.nodes, b.nodes), edges: merge(a.edges, b.edges) };
}
