import type { Locale } from '@switchyard/flow';
import type { z } from 'zod';
import { ApiError, apiErrorOf } from './api-error';

/**
 * Sent with every write: a page of another site cannot set a custom header without a CORS
 * preflight the server refuses, so a cookie-authenticated write carrying it came from a page of ours.
 */
export const CSRF_HEADER = 'x-switchyard-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How a client reaches the server: where, with which `fetch`, headers and locale. */
export interface ApiClientOptions {
  /** The server's origin (`http://localhost:3000`), or '' for the page's own (the editor). */
  readonly baseUrl: string;
  /** Defaults to the global `fetch`; tests pass the app's own (`(url, init) => app.request(url, init)`). */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Sent with every request (`authorization`); a function is asked again for each, so a new token counts at once. */
  readonly headers?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);
  /** The language of error messages the server gives in both; asked again for each request when a function. */
  readonly locale?: Locale | (() => Locale);
}

/** One JSON request, its answer parsed with `schema`; a non-2xx answer, or none, is an `ApiError`. */
export type HttpCall = <S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
  /** Headers of this request only (an `Idempotency-Key`), over the client's own. */
  requestHeaders?: Readonly<Record<string, string>>,
) => Promise<z.output<S>>;

const parseText = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The transport under `createApiClient`: one place that sends, reads and refuses. */
export function httpCall(options: ApiClientOptions): HttpCall {
  const base = options.baseUrl.replace(/\/+$/, '');
  return async (schema, method, path, body, requestHeaders = {}) => {
    const locale = (typeof options.locale === 'function' ? options.locale() : options.locale) ?? 'en';
    const extra = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale, ...extra, ...requestHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(method)) headers[CSRF_HEADER] = '1';
    const request = `${method} ${path}`;
    const send = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
    let response: Response;
    try {
      // The editor signs in with a session cookie of its own origin; the CLI sends a bearer token instead.
      const init: RequestInit = { method, headers, credentials: 'same-origin' };
      response = await send(`${base}${path}`, body === undefined ? init : { ...init, body: JSON.stringify(body) });
    } catch (error) {
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      const where = base || 'this page';
      const message =
        locale === 'zh-CN' ? `无法连接 Switchyard 服务器 ${where}：${cause}` : `cannot reach the Switchyard server at ${where}: ${cause}`;
      throw new ApiError(0, message, undefined, undefined, request);
    }
    const answer = parseText(await response.text());
    if (!response.ok) throw apiErrorOf(response.status, answer, request, locale);
    return schema.parse(answer);
  };
}
