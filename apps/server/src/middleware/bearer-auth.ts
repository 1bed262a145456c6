import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/** Who the audit log names for requests made with the admin token, or without auth. */
export const ADMIN_ACTOR = 'admin';
export const ANONYMOUS_ACTOR = 'api';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks `Authorization: Bearer <token>` against the admin token, in constant time, except
 * on `publicPaths` (a load balancer's health check carries no token). Until the security
 * issue brings users, a server without a token lets every request through (and the README
 * says so).
 */
export function bearerAuth(adminToken: string | undefined, publicPaths: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const expected = adminToken ? digest(adminToken) : undefined;
  return async (c, next) => {
    if (!expected || publicPaths.includes(c.req.path)) {
      c.set('actor', ANONYMOUS_ACTOR);
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="switchyard"');
      return c.json({ error: 'missing or invalid bearer token', details: { header: 'Authorization' } }, 401);
    }
    c.set('actor', ADMIN_ACTOR);
    return next();
  };
}
