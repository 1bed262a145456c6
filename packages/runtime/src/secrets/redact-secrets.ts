/** What a secret value becomes in errors, outputs, the audit and logs. */
export const REDACTED = '[secret]';

/** Shorter values would blank out ordinary words; secrets that short are not secrets. */
const MIN_REDACTED_LENGTH = 4;

/**
 * A function that replaces every given secret value inside strings, deep in objects and
 * arrays, so what a node returns, throws or logs never carries a key it was given.
 * @example redactor(['sk-123'])({ error: 'bad key sk-123' }); // { error: 'bad key [secret]' }
 */
export function redactor(values: readonly string[]): <T>(value: T) => T {
  // Longest first: a value that contains another is replaced whole.
  const secrets = [...new Set(values.filter((v) => v.length >= MIN_REDACTED_LENGTH))].sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (value) => value;
  const text = (s: string) => secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), s);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
