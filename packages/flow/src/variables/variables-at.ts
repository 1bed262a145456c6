import type { FieldText } from '../field-meta';
import { baseVariables, type VariableNode, type VariableScope, variablesFromJsonSchema } from './variable-tree';

/**
 * What a node leaves in `vars.<id>`: nothing (`none`: conditions, waits, actions that declare
 * no output as such), a shape not declared (`unknown`: any name below is accepted), or its JSON Schema.
 */
export type OutputShape = 'none' | 'unknown' | { readonly schema: unknown };

/** What the variable model needs of a node: its id, and what people call it. */
export interface VariableSource {
  readonly id: string;
  readonly title: FieldText;
  readonly output: OutputShape;
}

interface Wiring {
  readonly nodes: readonly { readonly id: string }[];
  readonly edges: readonly { readonly source: string; readonly target: string }[];
}

/**
 * The nodes a run can have passed through before reaching `nodeId`: every node with a path
 * of edges to it (in a loop through a wait, the nodes after it too).
 * @example upstreamNodes({ nodes, edges: [{ source: 't', target: 'a' }, { source: 'a', target: 'b' }] }, 'b') // Set {a, t}
 */
export function upstreamNodes(flow: Wiring, nodeId: string): Set<string> {
  const into = new Map<string, string[]>();
  for (const edge of flow.edges) into.set(edge.target, [...(into.get(edge.target) ?? []), edge.source]);
  const seen = new Set<string>();
  const queue = [...(into.get(nodeId) ?? [])];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(into.get(id) ?? []));
  }
  return seen;
}

/**
 * Everything a template or expression of `nodeId` can read: the scope's fixed roots, and
 * `vars` with the output of each upstream node that leaves one, in the flow's node order.
 * @example isKnownVariable(variablesAt(flow, 'reply1', sourceOf, 'template'), 'vars.lookup.status')
 */
export function variablesAt(
  flow: Wiring,
  nodeId: string,
  sourceOf: (id: string) => VariableSource | undefined,
  scope: VariableScope,
): VariableNode[] {
  const upstream = upstreamNodes(flow, nodeId);
  const outputs = flow.nodes
    .filter((n) => upstream.has(n.id))
    .map((n) => sourceOf(n.id))
    .flatMap((source) => {
      if (!source || source.output === 'none') return [];
      const path = `vars.${source.id}`;
      if (source.output === 'unknown') return [{ path, name: source.id, type: 'any', open: true, children: [], title: source.title }];
      return [variablesFromJsonSchema(path, source.output.schema, source.title)];
    });
  const vars: VariableNode = {
    path: 'vars',
    name: 'vars',
    type: 'object',
    open: false,
    children: outputs,
    title: { en: 'Outputs of earlier steps, by node id', 'zh-CN': '前面步骤的输出，按节点 ID' },
  };
  return [...baseVariables(scope), vars];
}
