/** What a secret value becomes in errors, outputs, the audit and logs. */
export const REDACTED = '[secret]';

/** Shorter values would blank out ordinary words; secrets that short are not secrets. */
const MIN_REDACTED_LENGTH = 4;

/**
 * Replaces secret values inside strings, deep in objects and arrays. `value` keeps the
 * shape of what it is given (only strings change), but its type cannot say so: a caller that
 * needs the type back parses the result (`deliverEffect` does, with the outcome's schema).
 */
export interface Redactor {
  text(value: string): string;
  fields(value: Readonly<Record<string, unknown>>): Record<string, unknown>;
  value(value: unknown): unknown;
}

/**
 * A redactor for the given secret values, so what a node returns, throws or logs never
 * carries a key it was given.
 * @example redactor(['sk-123']).value({ error: 'bad key sk-123' }); // { error: 'bad key [secret]' }
 */
export function redactor(values: readonly string[]): Redactor {
  // Longest first: a value that contains another is replaced whole.
  const secrets = [...new Set(values.filter((v) => v.length >= MIN_REDACTED_LENGTH))].sort((a, b) => b.length - a.length);
  const text = (s: string) => secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), s);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  if (secrets.length === 0) return { text: (s) => s, fields: (f) => ({ ...f }), value: (v) => v };
  return { text, fields: (f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, walk(v)])), value: walk };
}
