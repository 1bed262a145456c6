import type { CatalogEntry, Diagnostic } from '@switchyard/api';
import { type FlowDocument, readFieldMeta, schemaProperties } from '@switchyard/flow';
import { portLabel } from '../editor/port-label';
import { type Locale, translate } from '../i18n/translate';
import { diagnosticText } from './diagnostics-index';

/** How a problem names things: nodes by label (or type title), fields by title, in one language. */
export interface ProblemNames {
  readonly locale: Locale;
  node(id: string): string;
  field(nodeId: string, field: string): string;
}

/** Names from the flow and the catalog. */
export function problemNames(doc: Pick<FlowDocument, 'nodes'>, catalog: ReadonlyMap<string, CatalogEntry>, locale: Locale): ProblemNames {
  const nodeOf = (id: string) => doc.nodes.find((n) => n.id === id);
  return {
    locale,
    node: (id) => {
      const node = nodeOf(id);
      return node?.label ?? (node && catalog.get(node.type)?.title[locale]) ?? id;
    },
    field: (nodeId, field) => {
      const node = nodeOf(nodeId);
      const key = field.replace(/^config\./, '').split('.')[0] ?? field;
      const entry = node && catalog.get(node.type);
      const meta = readFieldMeta(schemaProperties(entry?.configSchema)[key]);
      return meta?.title[locale] ?? key;
    },
  };
}

/** zod says "… received undefined" when a required field is left empty. */
const isMissing = (detail: string) => /received undefined$/.test(detail);

/**
 * A problem in plain words: the node by its label, the field by its title, what is wrong and
 * what to do, from the dictionaries; codes without words of their own keep validation's text.
 * @example describeProblem({ code: 'missing_branch', nodeId: 'c1', params: { port: 'false' }, ... }, names) // "“Is VIP”: the 否 branch leads nowhere: connect it to the next step or to an End"
 */
export function describeProblem(d: Diagnostic, names: ProblemNames): string {
  const { locale } = names;
  const node = d.nodeId === undefined ? '' : names.node(d.nodeId);
  const field = d.nodeId !== undefined && d.field !== undefined ? names.field(d.nodeId, d.field) : '';
  const detail = String((locale === 'zh-CN' ? d.params?.detailZh : undefined) ?? d.params?.detail ?? d.message);
  switch (d.code) {
    case 'invalid_config':
      if (d.field === 'config') return translate(locale, 'problem.invalidConfigWhole', { node, detail });
      return isMissing(String(d.params?.detail ?? ''))
        ? translate(locale, 'problem.fillIn', { node, field })
        : translate(locale, 'problem.invalidField', { node, field, detail });
    case 'config_warning':
      return translate(locale, 'problem.fieldWarning', { node, field, detail });
    case 'missing_branch':
      return translate(locale, 'problem.missingBranch', { node, port: portLabel(String(d.params?.port ?? ''), locale) });
    case 'unreachable_node':
      return translate(locale, 'problem.unreachable', { node });
    case 'no_trigger':
      return translate(locale, 'problem.noTrigger');
    case 'unknown_node_type':
      return translate(locale, 'problem.unknownType', { node, type: String(d.params?.type ?? '') });
    case 'port_already_connected':
      return translate(locale, 'problem.portTaken', { node, port: portLabel(String(d.params?.port ?? ''), locale) });
    case 'cycle_without_wait': {
      const loop = String(d.params?.nodes ?? '')
        .split(' -> ')
        .map((id) => names.node(id))
        .join(' → ');
      return translate(locale, 'problem.loop', { nodes: loop });
    }
    default:
      return diagnosticText(d, locale);
  }
}
