import { isRecord } from '@switchyard/flow';

/**
 * JSON with object keys sorted, so two equal configs written in different key orders compare equal.
 * @example stableJson({ b: 1, a: 2 }) === stableJson({ a: 2, b: 1 })
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
    ) ?? 'undefined'
  );
}
