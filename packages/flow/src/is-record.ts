/**
 * Whether a value read from outside (parsed JSON, a raw row) is a plain object whose keys can be read.
 * @example isRecord({ a: 1 }) // true; isRecord([1]) // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
