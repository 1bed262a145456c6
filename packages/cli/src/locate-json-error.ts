/** Where a JSON text stops being JSON: 1-based line and column, and what was found there. */
export interface JsonErrorLocation {
  readonly line: number;
  readonly column: number;
  /** The offending character, or undefined at the end of the text. */
  readonly found?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Finds the first syntax error of a JSON text, or undefined when it parses. Exists
 * because `JSON.parse` on Node 20 often names no position, and people fix files by line.
 * @example locateJsonError('{\n  "a": }') // { line: 2, column: 8, found: '}' }
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  /** Steps over `n` characters that parsed; true so parsers can `return take()`. */
  const take = (n = 1) => {
    i += n;
    return true;
  };
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') return take();
      if (c < ' ') return false;
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) return false;
      }
      i++;
    }
    return false;
  };
  const list = (close: string, item: () => boolean): boolean => {
    i++;
    skip();
    if (text[i] === close) return take();
    for (;;) {
      skip();
      if (!item()) return false;
      skip();
      if (text[i] === ',') i++;
      else if (text[i] === close) return take();
      else return false;
    }
  };
  const member = (): boolean => {
    if (text[i] !== '"' || !string()) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return value();
  };
  const value = (): boolean => {
    skip();
    const c = text[i];
    if (c === '{') return list('}', member);
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) return take(literal.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return take(NUMBER.lastIndex - i);
    return false;
  };
  if (value()) {
    skip();
    if (i === text.length) return undefined;
  }
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1, ...(i < text.length ? { found: text[i] } : {}) };
}
