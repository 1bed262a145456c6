import type { Diagnostic } from '../diagnostic';
import type { FlowNode } from '../flow-document';
import { isRecord } from '../is-record';
import type { NodeSpec } from '../node-kind';
import { nodeName } from './unknown-variable';

/** A node as validation knows it: its spec and its parsed config (undefined when it failed its schema). */
interface CheckedNode {
  readonly node: FlowNode;
  readonly spec: NodeSpec;
  readonly config: unknown;
}

/** Customer fields that must not leave in a message or a request: contact details (the name may: a reply greets the customer). */
const CONTACT_FIELDS = ['contact', 'phone', 'email'];
/** Mustache tags: `{{x}}`, `{{{x}}}`, `{{& x}}`, sections `{{#x}}`. */
const TAG = /\{\{\{?\s*([#^&]?)\s*([\w.]+)\s*\}?\}\}/g;

/**
 * Warns about every action node whose config text would send the customer's contact out
 * (a reply, a notice, an http call, a custom node's text): `{{ticket.customer.contact}}`,
 * `.phone`, `.email`, or those names inside a `{{#ticket.customer}}` section. One warning per
 * field, naming the node by its label (else its type's title) and the field.
 * @example checkSensitiveTemplates(known, diagnostics);
 */
export function checkSensitiveTemplates(known: ReadonlyMap<string, CheckedNode>, out: Diagnostic[]): void {
  for (const { node, spec, config } of known.values()) {
    if (spec.kind !== 'action' || config === undefined) continue;
    for (const [field, text] of configTexts(config, 'config')) {
      const variable = contactVariable(text);
      if (variable === undefined) continue;
      const name = nodeName(node, spec);
      const label = name.en;
      out.push({
        code: 'sensitive_data_sent',
        severity: 'warning',
        nodeId: node.id,
        field,
        params: { label, labelZh: name['zh-CN'], variable },
        message: `node "${label}": ${field} sends the customer's contact details out ({{${variable}}}); leave them out, or make sure the receiver may hold them`,
      });
    }
  }
}

/** The customer-contact variable a template names, if any. */
function contactVariable(text: string): string | undefined {
  let inCustomerSection = false;
  for (const [, sigil = '', name = ''] of text.matchAll(TAG)) {
    const path = name.split('.');
    const last = path.at(-1) ?? '';
    if (sigil === '#' && last === 'customer') inCustomerSection = true;
    if (!CONTACT_FIELDS.includes(last)) continue;
    if (path.at(-2) === 'customer' || (inCustomerSection && path.length === 1)) return name;
  }
  return undefined;
}

/** Every string inside a config with its dotted path (`config.headers.x-phone`). */
function configTexts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((inner, i) => configTexts(inner, `${path}.${i}`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, inner]) => configTexts(inner, `${path}.${key}`));
  return [];
}
