import { type DiagnosticCode, formatDiagnostic } from '@switchyard/flow';
import type { Diagnostic } from '../api/schemas';
import type { Locale } from '../i18n/translate';

/** The codes whose Chinese text packages/flow knows; a newer server's other codes show their English message. */
const KNOWN_CODES = [
  'invalid_document',
  'duplicate_node_id',
  'duplicate_edge_id',
  'unknown_node_type',
  'invalid_config',
  'dangling_edge',
  'unknown_port',
  'duplicate_edge',
  'port_already_connected',
  'edge_into_trigger',
  'missing_branch',
  'unreachable_node',
  'cycle_without_wait',
  'no_trigger',
] as const satisfies readonly DiagnosticCode[];

const isKnownCode = (code: string): code is DiagnosticCode => (KNOWN_CODES as readonly string[]).includes(code);

/**
 * A diagnostic's message in a locale, with the flow model's Chinese templates.
 * @example diagnosticText({ code: 'no_trigger', severity: 'error', message: 'the flow has no trigger' }, 'zh-CN') // "流程没有触发器"
 */
export function diagnosticText(d: Diagnostic, locale: Locale): string {
  const { code } = d;
  if (locale === 'en' || !isKnownCode(code)) return d.message;
  return formatDiagnostic({ ...d, code }, locale);
}

/** Diagnostics grouped by what they name, as the canvas shows them. */
export interface DiagnosticsIndex {
  readonly byNode: ReadonlyMap<string, readonly string[]>;
  readonly byEdge: ReadonlyMap<string, readonly string[]>;
}

/** Groups messages by node and edge id; an edge problem that also names a node shows on the edge only. */
export function indexDiagnostics(diagnostics: readonly Diagnostic[], locale: Locale): DiagnosticsIndex {
  const byNode = new Map<string, string[]>();
  const byEdge = new Map<string, string[]>();
  for (const d of diagnostics) {
    const text = diagnosticText(d, locale);
    if (d.edgeId) byEdge.set(d.edgeId, [...(byEdge.get(d.edgeId) ?? []), text]);
    else if (d.nodeId) byNode.set(d.nodeId, [...(byNode.get(d.nodeId) ?? []), text]);
  }
  return { byNode, byEdge };
}
