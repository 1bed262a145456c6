import Mustache from 'mustache';

/** A name a template or expression reads, and whether it sits inside a `{{#section}}` (where names may be relative). */
export interface VariableReference {
  readonly name: string;
  readonly inSection: boolean;
}

/**
 * The names a mustache template reads (values and sections, at any depth); none for a
 * broken template, which its own check reports.
 * @example templateReferences('{{customer.name}} 您好').map((r) => r.name) // ["customer.name"]
 */
export function templateReferences(template: string): VariableReference[] {
  const found: VariableReference[] = [];
  const walk = (tokens: unknown, depth: number): void => {
    if (!Array.isArray(tokens)) return;
    const list: readonly unknown[] = tokens;
    for (const token of list) {
      if (!Array.isArray(token)) continue;
      const parts: readonly unknown[] = token;
      const [type, name, , , children] = parts;
      if (typeof name !== 'string' || name === '.') continue;
      if (type === 'name' || type === '&' || type === '#' || type === '^') found.push({ name, inSection: depth > 0 });
      if (type === '#' || type === '^') walk(children, depth + 1);
    }
  };
  try {
    walk(Mustache.parse(template), 0);
  } catch {
    return [];
  }
  return found;
}

const KEYWORDS = new Set(['true', 'false', 'null', 'in']);
/** Macros whose first argument names each item (`tags.exists(t, t == "vip")`). */
const BINDING = /\.\s*(?:all|exists|exists_one|map|filter)\s*\(\s*([A-Za-z_]\w*)\s*,/g;
const CHAIN = /(?<![\w.$])([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)(\s*\()?/g;

/**
 * The dotted names a CEL expression reads, without functions, methods, keywords and the
 * items macros bind; string literals are skipped.
 * @example expressionReferences('size(ticket.tags) > 1 && customer.tier == "vip"').map((r) => r.name) // ["ticket.tags", "customer.tier"]
 */
export function expressionReferences(source: string): VariableReference[] {
  const code = source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) => ' '.repeat(s.length));
  const bound = new Set([...code.matchAll(BINDING)].map((m) => m[1]));
  const found: VariableReference[] = [];
  for (const match of code.matchAll(CHAIN)) {
    const segments = (match[1] ?? '').split('.').map((s) => s.trim());
    if (match[2] !== undefined) segments.pop(); // a call: `size(...)`, or a method `ticket.subject.contains(...)`
    const [root] = segments;
    if (root === undefined || KEYWORDS.has(root) || bound.has(root)) continue;
    found.push({ name: segments.join('.'), inSection: false });
  }
  return found;
}
