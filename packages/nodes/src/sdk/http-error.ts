/** A call that failed: a non-2xx answer, a timeout, or no connection. Names method, URL (no query) and status. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/**
 * A call Switchyard would not make: its host is, or resolves to, a loopback, private,
 * link-local or metadata address and is not in `SWITCHYARD_HTTP_ALLOW`. Final: retrying
 * cannot help, so a delivery dead-letters at once. The message is English then Chinese.
 */
export class HttpRefusedError extends HttpError {
  constructor(
    message: string,
    /** The host as written in the URL (`name` or `name:port`): what to list in SWITCHYARD_HTTP_ALLOW. */
    readonly host: string,
  ) {
    super(message, undefined);
    this.name = 'HttpRefusedError';
  }
}

/** The refusal behind an error, looking through its causes (a node may wrap what `ctx.http` threw). */
export function httpRefusalOf(error: unknown): HttpRefusedError | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; depth++, e = e.cause) {
    if (e instanceof HttpRefusedError) return e;
  }
  return undefined;
}
