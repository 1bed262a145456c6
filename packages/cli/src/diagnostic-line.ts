import { type Diagnostic, formatDiagnostic, type Locale } from '@switchyard/flow';
import { messages } from './messages';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One diagnostic as a line people can act on: `file: node <id>: field: message`.
 * The English messages repeat the node and field they are about; that prefix is dropped
 * so the location is said once.
 * @example diagnosticLine('flows/a.json', d, 'en') // "flows/a.json: node c1: config.keywords: add at least one keyword"
 */
export function diagnosticLine(file: string, d: Diagnostic, locale: Locale): string {
  const m = messages(locale);
  const location = [
    d.severity === 'warning' ? m.warning : undefined,
    d.nodeId !== undefined ? `${m.node} ${d.nodeId}` : undefined,
    d.edgeId !== undefined ? `${m.edge} ${d.edgeId}` : undefined,
    d.field || undefined,
  ].filter((part) => part !== undefined);
  let message = formatDiagnostic(d, locale);
  if (locale === 'en') {
    const said = [d.nodeId && `node ${d.nodeId}`, d.edgeId && `edge ${d.edgeId}`, d.field && `field ${d.field}`, d.field]
      .filter((part): part is string => Boolean(part))
      .map(escape);
    const prefix = new RegExp(`^(?:(?:${said.join('|')}): )+`);
    if (said.length) message = message.replace(prefix, '');
  } else if (d.params?.detail !== undefined && location.length > 0) {
    // The zh-CN templates name the node and field again around the detail; the line already has them.
    message = String(d.params.detailZh ?? d.params.detail);
  }
  return [file, ...location, message].join(': ');
}
