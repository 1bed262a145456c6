/**
 * `SWITCHYARD_HTTP_ALLOW` read as a list: comma-separated host names (`erp.internal`, any port)
 * or `name:port` (that port only), lower-cased. Blank or absent: nothing is allowed.
 * @example parseHttpAllow('erp.internal, 127.0.0.1:4010') // ['erp.internal', '127.0.0.1:4010']
 */
export function parseHttpAllow(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/** Whether the URL's host is listed, by name alone or by `name:port` (the scheme's port when the URL gives none). */
export function isAllowedHost(url: URL, allow: readonly string[]): boolean {
  if (allow.length === 0) return false;
  const name = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORTS[url.protocol] || '';
  return allow.some((entry) => entry === name || entry === `${name}:${port}`);
}
