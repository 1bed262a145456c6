import { z } from 'zod';
import type { Diagnostic } from '../diagnostic';
import { configJsonSchema, type FieldText, readFieldMeta, schemaProperties } from '../field-meta';
import type { FlowDocument, FlowNode } from '../flow-document';
import { isRecord } from '../is-record';
import type { NodeSpec } from '../node-kind';
import { closestVariable } from '../variables/closest-variable';
import { expressionReferences, templateReferences } from '../variables/variable-references';
import { isKnownVariable, type VariableNode } from '../variables/variable-tree';
import { type OutputShape, upstreamNodes, variablesAt } from '../variables/variables-at';

interface CheckedNode {
  readonly node: FlowNode;
  readonly spec: NodeSpec;
  /** Parsed config, or undefined when it failed its schema (then it has its own diagnostics). */
  readonly config: unknown;
}

/** What `vars.<id>` holds for a node type: declared outputs of actions; nothing for other kinds. */
export function outputShapeOf(spec: NodeSpec): OutputShape {
  if (spec.kind !== 'action') return 'none';
  if (!spec.output) return 'unknown';
  if (spec.output instanceof z.ZodNever) return 'none';
  return { schema: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }) };
}

/** A node as people know it: its label, else its type's title, else its id. */
export function nodeName(node: FlowNode, spec: NodeSpec | undefined): FieldText {
  if (node.label) return { en: node.label, 'zh-CN': node.label };
  return spec?.title ?? { en: node.id, 'zh-CN': node.id };
}

/**
 * Every template and expression field (marked `variables` in its metadata) may only read
 * names that exist at that node: the ticket, stats, the event, and `vars` of upstream nodes.
 * An unknown one renders as nothing at run time (a reply to "{{customer.name}} 您好" says
 * " 您好"), so it is an error naming the node, the field and the closest known name.
 */
export function checkUnknownVariables(doc: FlowDocument, known: ReadonlyMap<string, CheckedNode>, out: Diagnostic[]): void {
  const sourceOf = (id: string) => {
    const k = known.get(id);
    return k && { id, title: nodeName(k.node, k.spec), output: outputShapeOf(k.spec) };
  };
  for (const { node, spec, config } of known.values()) {
    if (!isRecord(config)) continue;
    for (const [key, property] of Object.entries(schemaProperties(configJsonSchema(spec.config)))) {
      const meta = readFieldMeta(property);
      const text = config[key];
      if (!meta?.variables || typeof text !== 'string') continue;
      const scope = meta.variables;
      const roots = variablesAt(doc, node.id, sourceOf, scope);
      const references = scope === 'template' ? templateReferences(text) : expressionReferences(text);
      const reported = new Set<string>();
      for (const { name, inSection } of references) {
        // Inside a section a name may be relative to the section's item: only names from a known root are checked there.
        if (reported.has(name) || isKnownVariable(roots, name)) continue;
        if (inSection && !roots.some((r) => r.name === name.split('.')[0])) continue;
        reported.add(name);
        out.push(unknownVariable(doc, node, nodeName(node, spec), key, meta.title, name, roots));
      }
    }
  }
}

function unknownVariable(
  doc: FlowDocument,
  node: FlowNode,
  label: FieldText,
  key: string,
  field: FieldText,
  name: string,
  roots: readonly VariableNode[],
): Diagnostic {
  const later = laterNode(doc, node.id, name);
  const suggestion = later ? undefined : closestVariable(roots, name);
  const hint = later
    ? { en: `: node ${later} does not run before this one`, 'zh-CN': `：节点 ${later} 不在本节点之前运行` }
    : suggestion
      ? { en: `; did you mean ${suggestion}?`, 'zh-CN': `，是否要写 ${suggestion}？` }
      : { en: '; pick one from the variable list', 'zh-CN': '，请从变量列表中选择' };
  return {
    code: 'unknown_variable',
    severity: 'error',
    nodeId: node.id,
    field: `config.${key}`,
    params: {
      variable: name,
      ...(suggestion ? { suggestion } : {}),
      nodeLabel: label.en,
      nodeLabelZh: label['zh-CN'],
      fieldTitle: field.en,
      fieldTitleZh: field['zh-CN'],
      hintZh: hint['zh-CN'],
    },
    message: `"${label.en}", ${field.en}: there is no variable ${name}${hint.en}`,
  };
}

/** The id of a node of this flow that `vars.<id>...` names but that does not run before `nodeId`. */
function laterNode(doc: FlowDocument, nodeId: string, name: string): string | undefined {
  const [root, id] = name.split('.');
  if (root !== 'vars' || id === undefined || !doc.nodes.some((n) => n.id === id)) return undefined;
  return upstreamNodes(doc, nodeId).has(id) ? undefined : id;
}
