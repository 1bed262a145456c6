import { isConnectionError, RevisionConflictError, RuntimeInputError } from '@switchyard/runtime';
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env';

/**
 * A PostgreSQL "data exception" (SQLSTATE class 22): a value the schemas let through but the
 * database cannot store, such as a NUL character in a text or a number past a column's range.
 * The client's value, so a 400; the failed statement's transaction wrote nothing.
 */
function isDataException(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code);
}

/** How long a client is told to wait while the database is away: the pool reconnects on the next request. */
export const RETRY_AFTER_SECONDS = 2;

/** The 503 body while the database is away, its message in both languages. */
export const DATABASE_UNAVAILABLE = {
  error: 'the database is unavailable; try again shortly',
  details: {
    message: { en: 'The database is unavailable. Try again in a few seconds.', 'zh-CN': '数据库暂时不可用，请几秒后重试。' },
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  },
};

/**
 * Turns what a handler threw into the API's `{ error, details }`: a caller's mistake keeps
 * its 4xx (the runtime's `RuntimeInputError`, Hono's own such as malformed JSON, a value
 * the database refuses); a lost database connection is a 503 with `Retry-After` (the write
 * rolled back, or committed just before: the client tries again); anything else is our
 * fault, logged with the request and answered 500 without internals.
 */
export function handleError(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    // The whole body: the usual error plus what is current now (revision, document or rollout).
    if (error instanceof RevisionConflictError) return c.json(error.body, 409);
    if (error instanceof RuntimeInputError) {
      return c.json({ error: error.message, details: error.details }, error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const message = error.message || 'bad request';
      return c.json({ error: message, details: [{ path: '', message }] }, error.status);
    }
    if (isDataException(error)) {
      logger.warn({ code: error.code, method: c.req.method, path: c.req.path }, error.message);
      return c.json({ error: 'invalid value', details: [{ path: '', message: error.message }] }, 400);
    }
    if (isConnectionError(error)) {
      // One line per request without the stack: an outage answers many requests, for the same reason.
      logger.warn(
        { method: c.req.method, path: c.req.path, reason: error instanceof Error ? error.message : String(error) },
        'database unavailable; answered 503',
      );
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json(DATABASE_UNAVAILABLE, 503);
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  };
}
