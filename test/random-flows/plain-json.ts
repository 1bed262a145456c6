import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/**
 * Where `value` is not plain JSON data (a function, undefined, a non-finite number, an
 * object that is not a plain object or array), as dotted paths; empty when it is.
 * Own keys only, so a key named like an Object.prototype member is looked at, not inherited.
 */
export function notJson(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (typeof value !== 'object') return [`${path}: ${typeof value}`];
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return value.flatMap((item, i) => notJson(item, `${path}.${i}`));
  if (proto !== Object.prototype && proto !== null) return [`${path}: not a plain object`];
  return Object.entries(value).flatMap(([key, item]) => notJson(item, `${path}.${key}`));
}

/**
 * Deep equality by Node's algorithm, which compares prototypes rather than reading
 * `.constructor`: vitest's `toEqual` is fooled by data with an own key `constructor`
 * (a node id). Shows vitest's diff when they differ.
 */
export function expectDeepEqual(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
  expect(isDeepStrictEqual(actual, expected)).toBe(true);
}
