const MAX_VALUE = 60;

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') {
    const short = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
    // Quote only when the value would otherwise blur into the next key=value pair.
    return /[\s"=]/.test(short) || short === '' ? JSON.stringify(short) : short;
  }
  // JSON.stringify gives undefined only for functions and symbols, which params never hold.
  const json = JSON.stringify(value) ?? typeof value;
  return json.length > MAX_VALUE ? `${json.slice(0, MAX_VALUE)}…` : json;
}

/**
 * An action's params on one line, `key=value` pairs with long values cut, for the
 * actions table (the full params are in `--json`).
 * @example formatParams({ group: 'logistics', agent: null }) // "group=logistics agent=null"
 */
export function formatParams(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(' ');
}
