import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/** Names every server answers to, on any port: a browser never lets a web page rebind them. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `name` or `name:port`, lower-cased; undefined when the text is not a host. */
interface HostName {
  readonly name: string;
  readonly port: string | undefined;
}

/** Splits a Host header (`localhost:3000`, `[::1]:3000`, `example.com`) into name and port. */
export function parseHost(text: string): HostName | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(text.trim());
  return match?.[1] ? { name: match[1].toLowerCase(), port: match[2] } : undefined;
}

/** Whether `host` is one of `allowed` (an entry without a port allows every port). */
function matches(host: HostName, allowed: readonly HostName[]): boolean {
  return allowed.some((entry) => entry.name === host.name && (entry.port === undefined || entry.port === host.port));
}

const sameHost = (a: HostName, b: HostName) => a.name === b.name && a.port === b.port;

/** The host of an `Origin` header; undefined for `null` (a sandboxed frame, a file) and junk. */
function originHost(origin: string): HostName | undefined {
  try {
    return parseHost(new URL(origin).host);
  } catch {
    return undefined;
  }
}

function misdirected(c: Context<AppEnv>, host: string) {
  const message = {
    en: 'this server does not answer to that host name; to serve it, set SWITCHYARD_PUBLIC_URL or SWITCHYARD_ALLOWED_HOSTS',
    'zh-CN': '此服务器不响应该主机名；如需通过它访问，请设置 SWITCHYARD_PUBLIC_URL 或 SWITCHYARD_ALLOWED_HOSTS',
  };
  return c.json({ error: message.en, details: { header: 'Host', value: host, message } }, 421);
}

function foreignOrigin(c: Context<AppEnv>, origin: string) {
  const message = {
    en: 'requests that change data must come from this server’s own pages',
    'zh-CN': '修改数据的请求必须来自本服务器自己的页面',
  };
  return c.json({ error: message.en, details: { header: 'Origin', value: origin, message } }, 403);
}

/**
 * Refuses DNS rebinding and cross-site requests. A request whose `Host` is neither a
 * loopback name (any port) nor one of `allowedHosts` answers 421: a page that rebinds its
 * own name to 127.0.0.1 still sends that name. A POST, PUT, PATCH or DELETE whose `Origin`
 * is present and is neither the request's own host nor an allowed host answers 403: a
 * foreign page can send those without asking (a form, a no-cors fetch).
 * @example app.use('*', trustedHost(['switchyard.example.com', 'intranet:8080']))
 */
export function trustedHost(allowedHosts: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const allowed = allowedHosts.map((entry) => {
    const host = parseHost(entry);
    if (!host) throw new Error(`not a host name: ${JSON.stringify(entry)}`);
    return host;
  });
  const loopback = [...LOOPBACK_NAMES].map((name) => ({ name, port: undefined }));
  const trusted = [...loopback, ...allowed];
  return async (c, next) => {
    const urlHost = new URL(c.req.url).host;
    const header = c.req.header('host') ?? urlHost;
    // An absolute request target (`GET http://other/ HTTP/1.1`) names a host of its own: both must pass.
    for (const text of new Set([header, urlHost])) {
      const host = parseHost(text);
      if (!host || !matches(host, trusted)) return misdirected(c, text);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && STATE_CHANGING.has(c.req.method)) {
      const from = originHost(origin);
      const own = parseHost(header);
      if (!from || !own || !(sameHost(from, own) || matches(from, allowed))) return foreignOrigin(c, origin);
    }
    return next();
  };
}
