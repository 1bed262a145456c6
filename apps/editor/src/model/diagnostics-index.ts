import { formatDiagnostic, isDiagnosticCode } from '@switchyard/flow';
import type { Diagnostic } from '@switchyard/api';
import type { Locale } from '../i18n/translate';

/**
 * A diagnostic's message in a locale, with the flow model's Chinese templates.
 * @example diagnosticText({ code: 'no_trigger', severity: 'error', message: 'the flow has no trigger' }, 'zh-CN') // "流程没有触发器"
 */
export function diagnosticText(d: Diagnostic, locale: Locale): string {
  const { code } = d;
  // A newer server's codes unknown here show their English message.
  if (locale === 'en' || !isDiagnosticCode(code)) return d.message;
  return formatDiagnostic({ ...d, code }, locale);
}

/** Diagnostics grouped by what they name, as the canvas shows them. */
export interface DiagnosticsIndex {
  readonly byNode: ReadonlyMap<string, readonly string[]>;
  readonly byEdge: ReadonlyMap<string, readonly string[]>;
}

/**
 * Groups messages by node and edge id; an edge problem that also names a node shows on the edge only.
 * `describe` words them (nodes by label, fields by title: `describeProblem`); without it, validation's text.
 */
export function indexDiagnostics(
  diagnostics: readonly Diagnostic[],
  locale: Locale,
  describe: (d: Diagnostic) => string = (d) => diagnosticText(d, locale),
): DiagnosticsIndex {
  const byNode = new Map<string, string[]>();
  const byEdge = new Map<string, string[]>();
  for (const d of diagnostics) {
    const text = describe(d);
    if (d.edgeId) byEdge.set(d.edgeId, [...(byEdge.get(d.edgeId) ?? []), text]);
    else if (d.nodeId) byNode.set(d.nodeId, [...(byNode.get(d.nodeId) ?? []), text]);
  }
  return { byNode, byEdge };
}
