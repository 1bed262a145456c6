import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch, type Response } from 'undici';
import { HttpRefusedError } from '../http-error';
import { type AddressRefusal, addressRefusal, isMetadataName, metadataNameRefusal } from './address-refusal';
import { AddressRefusedError, checkedLookup, type ResolveAll } from './checked-lookup';
import { isAllowedHost } from './http-allow-list';

/** What a guarded call sends: the subset of fetch's options the node SDK uses. */
export interface GuardedRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface HttpGuardOptions {
  /** Hosts that may be internal (`name` or `name:port`), e.g. from SWITCHYARD_HTTP_ALLOW. */
  readonly allow: readonly string[];
  /** How names are resolved; the system's by default (tests give a name that resolves to loopback). */
  readonly resolve?: ResolveAll;
}

/** A fetch that refuses internal destinations; it follows redirects itself, checking every hop. */
export type GuardedFetch = (url: string | URL, request: GuardedRequest) => Promise<Response>;

const MAX_REDIRECTS = 10;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin, as browsers do: a service's key is not for the next host. */
const ORIGIN_BOUND_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie', 'proxy-authorization']);

let systemAgent: Agent | undefined;

/** One agent for the process (its connections are pooled per origin); its every connect resolves and checks the name. */
function agentFor(resolve: ResolveAll | undefined): Agent {
  if (resolve) return new Agent({ connect: { lookup: checkedLookup(resolve) } });
  systemAgent ??= new Agent({ connect: { lookup: checkedLookup() } });
  return systemAgent;
}

/**
 * The SSRF guard of flows' HTTP calls (the `http` action and custom nodes' `ctx.http`): a host
 * not in `allow` is called only when it is, or resolves to, public unicast addresses only; the
 * check runs in the connection's own DNS look-up (so the socket dials the address that was
 * checked) and again on every redirect hop. A refusal throws {@link HttpRefusedError}.
 */
export function createGuardedFetch(options: HttpGuardOptions): GuardedFetch {
  let agent: Agent | undefined;
  return async (url, request) => {
    let target = new URL(url);
    let { method, body } = request;
    let headers: Record<string, string> = { ...request.headers };
    for (let hop = 0; ; hop++) {
      const allowed = isAllowedHost(target, options.allow);
      if (!allowed) refuseLiteral(target, method);
      agent ??= agentFor(options.resolve);
      let response: Response;
      try {
        response = await undiciFetch(target, {
          method,
          headers,
          redirect: 'manual',
          ...(body === undefined ? {} : { body }),
          ...(request.signal ? { signal: request.signal } : {}),
          ...(allowed ? {} : { dispatcher: agent }),
        });
      } catch (error) {
        const refused = refusedBehind(error);
        if (refused) throw refusedError(method, target, refused.refusal, refused.hostname);
        throw error;
      }
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new Error(`${method} ${target.origin}${target.pathname}: more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, target);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
      }
      if (next.origin !== target.origin) {
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !ORIGIN_BOUND_HEADERS.has(name.toLowerCase())));
      }
      target = next;
    }
  };
}

/** An IP written in the URL is never looked up, so the socket's check would not see it: it is checked here. */
function refuseLiteral(target: URL, method: string): void {
  const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isMetadataName(hostname)) throw refusedError(method, target, metadataNameRefusal(hostname), hostname);
  if (!ipaddr.isValid(hostname)) return;
  const refusal = addressRefusal(hostname);
  if (refusal) throw refusedError(method, target, refusal, hostname);
}

function refusedBehind(error: unknown): AddressRefusedError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; depth++, e = e.cause) {
    if (e instanceof AddressRefusedError) return e;
  }
  return undefined;
}

function refusedError(method: string, target: URL, refusal: AddressRefusal, hostname: string): HttpRefusedError {
  const where = `${method} ${target.origin}${target.pathname}`;
  const is = hostname === refusal.address ? `${hostname} is` : `${hostname} resolves to ${refusal.address},`;
  const zhIs = hostname === refusal.address ? `${hostname} 是` : `${hostname} 解析为 ${refusal.address}，属于`;
  const en = `${where} refused: ${is} ${refusal.en}; flows may not call internal addresses unless SWITCHYARD_HTTP_ALLOW lists "${target.host}"`;
  const zh = `已拒绝 ${where}：${zhIs}${refusal.zh}；除非在 SWITCHYARD_HTTP_ALLOW 中列出“${target.host}”，流程不能访问内部地址`;
  return new HttpRefusedError(`${en} / ${zh}`, target.host);
}
