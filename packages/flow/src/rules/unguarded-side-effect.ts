import type { Diagnostic } from '../diagnostic';
import type { FlowDocument, FlowNode } from '../flow-document';
import type { NodeSpec } from '../node-kind';
import { nodeName } from './unknown-variable';

interface CheckedNode {
  readonly node: FlowNode;
  readonly spec: NodeSpec;
}

/**
 * An action that reaches outside Switchyard (an HTTP call, a message) and has no edge on its
 * `error` port: when it fails for good, the run just ends, the customer gets nothing and only
 * the dead-letter list knows. A warning (the flow still publishes), naming the node by its label.
 */
export function checkUnguardedSideEffects(doc: FlowDocument, known: ReadonlyMap<string, CheckedNode>, out: Diagnostic[]): void {
  const guarded = new Set(doc.edges.filter((e) => e.sourceHandle === 'error').map((e) => e.source));
  for (const { node, spec } of known.values()) {
    if (spec.kind !== 'action' || spec.sideEffect !== true || guarded.has(node.id)) continue;
    const label = nodeName(node, spec);
    out.push({
      code: 'unguarded_side_effect',
      severity: 'warning',
      nodeId: node.id,
      params: { port: 'error', nodeLabel: label.en, nodeLabelZh: label['zh-CN'] },
      message:
        `"${label.en}" (${node.id}) calls outside Switchyard and has no error branch: if it fails for good, the customer gets nothing. ` +
        'Wire its "error" port (to a reply, a note or a hand-off to an agent).',
    });
  }
}
