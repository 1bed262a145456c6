import { HttpError, HttpRefusedError } from './http-error';
import { createGuardedFetch, type GuardedRequest } from './http-guard/guarded-fetch';
import type { ResolveAll } from './http-guard/checked-lookup';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call of {@link NodeHttpClient.request}. */
export interface HttpRequest {
  readonly method?: HttpMethod;
  readonly url: string | URL;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON (`content-type: application/json`). */
  readonly json?: unknown;
  /** This call's limit; the client's (the node's timeout) when absent, never past the host's signal. */
  readonly timeoutMs?: number;
  /** Statuses besides 2xx that are answers, not failures (e.g. 404 for "no such order"). */
  readonly accept?: readonly number[];
  /** False: do not send the run's `Idempotency-Key` (it is sent by default). */
  readonly idempotencyKey?: false;
}

/** What the service answered. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The body parsed as JSON; the text when it is not JSON; null when empty. */
  readonly body: unknown;
}

/** A fetch-based JSON client bound to the run: its timeout, its cancel signal, its idempotency key. */
export interface NodeHttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  get(url: string | URL, options?: Omit<HttpRequest, 'url' | 'method' | 'json'>): Promise<HttpResponse>;
  post(url: string | URL, json: unknown, options?: Omit<HttpRequest, 'url' | 'method' | 'json'>): Promise<HttpResponse>;
  /**
   * The bare call under `request`, for a node that handles the answer itself (the built-in `http`
   * action): the same destination guard and redirects, no timeout, key or status check of its own.
   */
  fetch(url: string | URL, request: GuardedRequest): Promise<RawHttpResponse>;
}

/** What {@link NodeHttpClient.fetch} answers: a fetch Response's status, headers and body. */
export interface RawHttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  text(): Promise<string>;
}

export { HttpError };

export interface HttpClientOptions {
  /** Sent as `Idempotency-Key` unless a call opts out. */
  readonly idempotencyKey: string;
  /** Default per-call limit (default 10 s). */
  readonly timeoutMs?: number;
  /** The host's cancel signal (the node's timeout at run time). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Hosts (`name` or `name:port`) that may be loopback, private or link-local: every other host
   * must resolve to public addresses only (`SWITCHYARD_HTTP_ALLOW` at run time; a test lists its
   * own server). Nothing by default.
   */
  readonly allow?: readonly string[];
  /** How host names are resolved for the guard; the system's by default (for tests). */
  readonly resolve?: ResolveAll;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A JSON HTTP client for nodes: every call has a timeout, stops when the host cancels the
 * run, carries the idempotency key so a retried delivery is deduplicated downstream, and
 * throws a clear {@link HttpError} on a non-2xx answer. Errors name the method, the URL
 * without its query string and the status, never headers: keys in headers stay out of
 * error text, the outbox and the audit.
 * @example
 * const http = createHttpClient({ idempotencyKey: 't1:f:n:1', timeoutMs: 5_000 });
 * const { body } = await http.post('http://billing/suspend', { customerId: 'C1' }, { headers: { authorization: 'Bearer k' } });
 */
export function createHttpClient(options: HttpClientOptions): NodeHttpClient {
  const doFetch = createGuardedFetch({ allow: options.allow ?? [], ...(options.resolve ? { resolve: options.resolve } : {}) });
  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url);
    const where = `${method} ${url.origin}${url.pathname}`;
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.json !== undefined) headers['content-type'] = 'application/json';
    // Set last: a caller's header must not defeat deduplication by accident.
    if (req.idempotencyKey !== false) headers['idempotency-key'] = options.idempotencyKey;
    let response: RawHttpResponse;
    try {
      response = await doFetch(url, { method, headers, signal, ...(req.json === undefined ? {} : { body: JSON.stringify(req.json) }) });
    } catch (error) {
      if (error instanceof HttpRefusedError) throw error;
      if (timeout.aborted) throw new HttpError(`${where} timed out after ${timeoutMs} ms`, undefined, { cause: error });
      if (options.signal?.aborted) throw new HttpError(`${where} was cancelled: the node's time ran out`, undefined, { cause: error });
      throw new HttpError(`${where} failed`, undefined, { cause: error });
    }
    const body = parseBody(await readText(response, where, timeoutMs, timeout));
    if (!response.ok && !(req.accept ?? []).includes(response.status)) {
      throw new HttpError(`${where} answered ${response.status}${detail(body)}`, response.status);
    }
    return { status: response.status, headers: response.headers, body };
  };
  return {
    request,
    get: (url, rest) => request({ ...rest, url, method: 'GET' }),
    post: (url, json, rest) => request({ ...rest, url, method: 'POST', json }),
    fetch: (url, init) => doFetch(url, init),
  };
}

async function readText(response: RawHttpResponse, where: string, timeoutMs: number, timeout: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    const reason = timeout.aborted ? `timed out after ${timeoutMs} ms` : 'broke off';
    throw new HttpError(`${where}: the answer ${reason}`, response.status, { cause: error });
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A service's own `error`/`message` field helps the reader of a dead letter; the rest of the body may be large. */
function detail(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, message } = body as { error?: unknown; message?: unknown };
  const text = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
  return text ? `: ${text.slice(0, 120)}` : '';
}

/** A client whose every call throws: a dry-run's `simulate` and in-transaction actions do no I/O. */
export function noHttp(where: string): NodeHttpClient {
  const refuse = <T>(url: string | URL, method: string): Promise<T> =>
    Promise.reject(new HttpError(`${method} ${String(url)}: no HTTP calls ${where}`, undefined));
  return {
    request: (req) => refuse(req.url, req.method ?? 'GET'),
    get: (url) => refuse(url, 'GET'),
    post: (url) => refuse(url, 'POST'),
    fetch: (url, init) => refuse(url, init.method),
  };
}
