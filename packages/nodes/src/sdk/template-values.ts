import Mustache from 'mustache';

/** A value a template inserted: escaped for its place unless the author wrote `{{{x}}}` or `{{& x}}`. */
export interface InsertedValue {
  readonly text: string;
  readonly raw: boolean;
}

/** One piece of a rendered template: the author's text, or an inserted value. */
export type TemplatePiece = { readonly kind: 'text'; readonly text: string } | ({ readonly kind: 'value' } & InsertedValue);

// Private-use characters mark where values go; the author's text cannot carry them (rawValue drops them).
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/** Mustache's own writer (sections, dotted names, lambdas) that marks each value instead of writing it. */
class MarkingWriter extends Mustache.Writer {
  readonly values: InsertedValue[] = [];

  override escapedValue(token: string[], context: Mustache.Context): string {
    return this.mark(token, context, false);
  }

  override unescapedValue(token: string[], context: Mustache.Context): string {
    return this.mark(token, context, true);
  }

  override rawValue(token: string[]): string {
    return (token[1] ?? '').replaceAll(OPEN, '').replaceAll(CLOSE, '');
  }

  private mark(token: string[], context: Mustache.Context, raw: boolean): string {
    const value: unknown = context.lookup(token[1] ?? '');
    if (value === null || value === undefined) return '';
    this.values.push({ text: textOf(value), raw });
    return `${OPEN}${this.values.length - 1}${CLOSE}`;
  }
}

/** A value as text, as mustache writes it (lists joined with commas), objects as JSON rather than "[object Object]". */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map((item: unknown) => (item === null || item === undefined ? '' : textOf(item))).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return '';
}

/**
 * Renders a template into the author's text and the values it inserts, in order, so a
 * caller can escape each value for where it lands (a URL path, a JSON string).
 * @example templatePieces('/track/{{id}}', { id: 'a/b' }) // [{kind:'text',text:'/track/'}, {kind:'value',text:'a/b',raw:false}]
 */
export function templatePieces(template: string, view: Record<string, unknown>): TemplatePiece[] {
  const writer = new MarkingWriter();
  const marked = writer.render(template, view);
  const pieces: TemplatePiece[] = [];
  let last = 0;
  for (const match of marked.matchAll(MARKER)) {
    if (match.index > last) pieces.push({ kind: 'text', text: marked.slice(last, match.index) });
    const value = writer.values[Number(match[1])];
    if (value) pieces.push({ kind: 'value', ...value });
    last = match.index + match[0].length;
  }
  if (last < marked.length) pieces.push({ kind: 'text', text: marked.slice(last) });
  return pieces;
}

/** A `{{ }}` tag of a template: the name it inserts and whether it is raw (`{{{x}}}`, `{{& x}}`). */
export interface TemplateTag {
  readonly name: string;
  readonly raw: boolean;
}

/**
 * Every value tag of a template, including inside sections (none for a broken template,
 * which has its own diagnostic); validation warns about raw ones where escaping protects.
 * @example templateTags('{{a}} {{{b}}} {{#c}}{{& d}}{{/c}}') // a, b (raw), d (raw)
 */
export function templateTags(template: string): TemplateTag[] {
  const found: TemplateTag[] = [];
  const walk = (tokens: unknown): void => {
    if (!Array.isArray(tokens)) return;
    const list: readonly unknown[] = tokens;
    for (const token of list) {
      if (!Array.isArray(token)) continue;
      const parts: readonly unknown[] = token;
      const [type, name, , , children] = parts;
      if ((type === 'name' || type === '&') && typeof name === 'string') found.push({ name, raw: type === '&' });
      if (type === '#' || type === '^') walk(children);
    }
  };
  try {
    walk(Mustache.parse(template));
  } catch {
    return [];
  }
  return found;
}

/** True when the template inserts any value without escaping. */
export function hasRawTags(template: string): boolean {
  return templateTags(template).some((tag) => tag.raw);
}
