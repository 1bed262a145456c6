import type { CatalogEntry } from '@switchyard/api';
import { type FlowDocument, isRecord, type OutputShape, type VariableNode, type VariableScope, variablesAt } from '@switchyard/flow';

/** What `vars.<id>` holds for a catalog entry: declared outputs of actions (`{ not: {} }`: none), else unknown. */
export function catalogOutputShape(entry: CatalogEntry | undefined): OutputShape {
  if (!entry || entry.kind !== 'action') return entry ? 'none' : 'unknown';
  const schema = entry.outputSchema;
  if (schema === undefined) return 'unknown';
  return isRecord(schema) && isRecord(schema.not) ? 'none' : { schema };
}

/**
 * The names a template or expression field of `nodeId` can read, as the server's check
 * sees them: the same model (`variablesAt`), with outputs from the catalog's `outputSchema`.
 * @example variablesForNode(doc, 'reply1', catalogByType, 'template').map((r) => r.path) // ticket, event, orderNumber, vars
 */
export function variablesForNode(
  doc: Pick<FlowDocument, 'nodes' | 'edges'>,
  nodeId: string,
  catalog: ReadonlyMap<string, CatalogEntry>,
  scope: VariableScope,
): VariableNode[] {
  return variablesAt(
    doc,
    nodeId,
    (id) => {
      const node = doc.nodes.find((n) => n.id === id);
      if (!node) return undefined;
      const entry = catalog.get(node.type);
      const title = node.label ? { en: node.label, 'zh-CN': node.label } : (entry?.title ?? { en: node.type, 'zh-CN': node.type });
      return { id, title, output: catalogOutputShape(entry) };
    },
    scope,
  );
}

/** A value that shows where a name with no sample would go: `‹vars.pick.name›`. */
const placeholder = (path: string) => `‹${path}›`;

/**
 * Sample `vars` for a preview: an upstream HTTP call's `sampleResponse` (what a dry-run
 * gets too), else a placeholder per declared field.
 */
export function sampleVars(doc: Pick<FlowDocument, 'nodes'>, roots: readonly VariableNode[]): Record<string, unknown> {
  const vars = roots.find((r) => r.name === 'vars');
  const sample = (node: VariableNode): unknown =>
    node.children.length > 0 ? Object.fromEntries(node.children.map((c) => [c.name, sample(c)])) : placeholder(node.path);
  return Object.fromEntries(
    (vars?.children ?? []).map((output) => {
      const config = doc.nodes.find((n) => n.id === output.name)?.config;
      const given = config?.sampleResponse;
      return [output.name, given !== undefined ? given : sample(output)];
    }),
  );
}
