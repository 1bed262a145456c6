import { createRoute } from '@hono/zod-openapi';
import { type ErrorBody, LoginRequest, Me, SignedOut } from '@switchyard/api';
import { endSession, type RuntimeContext, signIn } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { clientAddress } from '../auth/client-address';
import { type Principal, principalOf, userPrincipal } from '../auth/principal';
import { clearSessionCookie, sessionSecretOf, setSessionCookie } from '../auth/session-cookie';
import { createRouter } from '../create-router';
import { AUTH_EXAMPLES as X } from '../docs/auth-examples';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['auth'];

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  operationId: 'login',
  description:
    'Checks an email and password and sets the `switchyard_session` cookie (HttpOnly, SameSite=Lax, Secure behind https). Send `X-Switchyard-CSRF: 1`. A wrong email or password gets one 401; 5 failures per account or 20 per address in 15 minutes get a 429 with `Retry-After`.',
  tags,
  summary: 'Sign in with email and password: sets the session cookie (send `X-Switchyard-CSRF: 1`)',
  request: { body: { required: true, content: { 'application/json': { schema: LoginRequest, example: X.login } } } },
  responses: {
    200: jsonContent(Me, 'Signed in; the `switchyard_session` cookie is set', X.me),
    ...errorResponses(400, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  operationId: 'logout',
  description: 'Ends the session of the cookie and clears it. A cookie-authenticated request, so it carries `X-Switchyard-CSRF: 1`.',
  tags,
  summary: 'Sign out: ends the session and clears its cookie',
  responses: { 200: jsonContent(SignedOut, 'Signed out; the cookie is cleared', X.signedOut), ...errorResponses() },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  operationId: 'me',
  description:
    'Who the request is authenticated as (session, personal token or the admin token): roles, roster groups, agent id and language.',
  tags,
  summary: 'Who is signed in: the user (or token, or the admin token), their roles and groups',
  responses: { 200: jsonContent(Me, 'The caller', X.me), ...errorResponses() },
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
