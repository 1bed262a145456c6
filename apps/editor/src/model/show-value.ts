/**
 * A config value as one line of text: strings as they are, numbers and booleans printed, the rest as JSON.
 * @example showValue(['a', 1]) // '["a",1]'
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}
