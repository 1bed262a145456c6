import { createHash, timingSafeEqual } from 'node:crypto';
import { resolveApiToken, resolveSession, type RuntimeContext } from '@switchyard/runtime';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { ADMIN_TOKEN_PRINCIPAL, type Principal, tokenPrincipal, userPrincipal } from './principal';
import { sessionSecretOf } from './session-cookie';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Who a request's credentials name: a principal and how it came, `invalid` for credentials that open nothing, `none` for none. */
export type Caller =
  | { readonly outcome: 'found'; readonly principal: Principal; readonly via: 'session' | 'bearer' }
  | { readonly outcome: 'invalid'; readonly header: 'Authorization' | 'Cookie' }
  | { readonly outcome: 'none' };

/**
 * Resolves the caller: `Authorization: Bearer` first (the admin token, compared in constant
 * time, or a personal token), else the session cookie. A bearer that opens nothing is
 * `invalid` even when a cookie is present: a script must learn its token is wrong.
 */
export function callerResolver(ctx: RuntimeContext, adminToken: string | undefined) {
  const expected = adminToken ? digest(adminToken) : undefined;
  return async (c: Context<AppEnv>): Promise<Caller> => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const secret = match?.[1];
      if (!secret) return { outcome: 'invalid', header: 'Authorization' };
      if (expected && timingSafeEqual(digest(secret), expected))
        return { outcome: 'found', principal: ADMIN_TOKEN_PRINCIPAL, via: 'bearer' };
      const token = await resolveApiToken(ctx.db, secret, ctx.clock.now());
      if (!token) return { outcome: 'invalid', header: 'Authorization' };
      return { outcome: 'found', principal: tokenPrincipal(token.user, token), via: 'bearer' };
    }
    const cookie = sessionSecretOf(c);
    if (cookie === undefined) return { outcome: 'none' };
    const session = await resolveSession(ctx.db, cookie, ctx.clock.now());
    if (!session) return { outcome: 'invalid', header: 'Cookie' };
    return { outcome: 'found', principal: userPrincipal(session.user, session.sessionId), via: 'session' };
  };
}
