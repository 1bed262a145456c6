import { createRoute } from '@hono/zod-openapi';
import { type ErrorBody, LoginRequest, Me, SignedOut } from '@switchyard/api';
import { endSession, type RuntimeContext, signIn } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { clientAddress } from '../auth/client-address';
import { type Principal, principalOf, userPrincipal } from '../auth/principal';
import { clearSessionCookie, sessionSecretOf, setSessionCookie } from '../auth/session-cookie';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['auth'];

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Sign in with email and password: sets the session cookie (send `X-Switchyard-CSRF: 1`)',
  request: { body: { required: true, content: { 'application/json': { schema: LoginRequest } } } },
  responses: {
    200: jsonContent(Me, 'Signed in; the `switchyard_session` cookie is set'),
    ...errorResponses(400, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags,
  summary: 'Sign out: ends the session and clears its cookie',
  responses: { 200: jsonContent(SignedOut, 'Signed out; the cookie is cleared'), ...errorResponses() },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags,
  summary: 'Who is signed in: the user (or token, or the admin token), their roles and groups',
  responses: { 200: jsonContent(Me, 'The caller'), ...errorResponses() },
});

/** What GET /api/auth/me answers for a principal. */
export function meOf(principal: Principal): Me {
  return {
    id: principal.id,
    email: principal.email,
    name: principal.name,
    roles: [...principal.roles],
    groups: [...principal.groups],
    agentId: principal.agentId,
    language: principal.language,
    via: principal.kind === 'user' ? 'session' : principal.kind,
  };
}

const REFUSED = {
  error: 'wrong email or password',
  details: { message: { en: 'Wrong email or password.', 'zh-CN': '邮箱或密码错误。' } },
} satisfies ErrorBody;

export interface AuthRouteOptions {
  /** SWITCHYARD_PUBLIC_URL: an https one makes the cookie Secure behind a TLS-ending proxy. */
  readonly publicUrl?: string | undefined;
  /** SWITCHYARD_TRUST_PROXY: take the client address from X-Forwarded-For for the sign-in limit. */
  readonly trustProxy?: boolean;
}

/** Password sign-in, sign-out and who-am-I. One refusal for every wrong email or password; too many failures answer 429. */
export function authRoutes(ctx: RuntimeContext, options: AuthRouteOptions = {}): SwitchyardApp {
  return createRouter()
    .openapi(login, async (c) => {
      const result = await signIn(ctx, c.req.valid('json'), clientAddress(c, options.trustProxy ?? false));
      if (result.outcome === 'rate-limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        const message = {
          en: `Too many failed sign-ins. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.`,
          'zh-CN': `登录失败次数过多，请 ${Math.ceil(result.retryAfterSeconds / 60)} 分钟后重试。`,
        };
        return c.json({ error: 'too many failed sign-ins', details: { retryAfterSeconds: result.retryAfterSeconds, message } }, 429);
      }
      if (result.outcome === 'refused') return c.json(REFUSED, 401);
      setSessionCookie(c, result.session.secret, result.session.expiresAt, options.publicUrl);
      return c.json(meOf(userPrincipal(result.user, result.session.id)), 200);
    })
    .openapi(logout, async (c) => {
      const secret = sessionSecretOf(c);
      if (secret !== undefined) await endSession(ctx.db, secret);
      clearSessionCookie(c, options.publicUrl);
      return c.json({ signedOut: true } as const, 200);
    })
    .openapi(me, (c) => c.json(meOf(principalOf(c)), 200));
}
