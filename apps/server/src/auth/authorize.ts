import type { Permission, PermissionRefusal } from '@switchyard/api';
import type { RuntimeContext } from '@switchyard/runtime';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../app-env';
import { callerResolver } from './resolve-caller';
import { PUBLIC_API_PREFIXES, requirementOf, type RouteRequirement } from './route-permissions';

/** The header a cookie-authenticated write must carry: a page of another site cannot set it without CORS, which we never grant. */
export const CSRF_HEADER = 'X-Switchyard-CSRF';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A matched route missing from the table needs what only admins have: a forgotten entry fails closed (and the route walk test fails). */
const UNLISTED: Permission = 'users.manage';

/** `/api/flows/:id` (Hono) as `/api/flows/{id}` (OpenAPI). */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
}

/** What the route this request matched needs; paths under /api no route matches need a signed-in caller (then 404). */
function requirementOfRequest(c: Context<AppEnv>): RouteRequirement {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  // First: the OpenID Connect redirects are plain routes (not in /openapi.json, so not in the table).
  if (PUBLIC_API_PREFIXES.some((prefix) => c.req.path.startsWith(prefix))) return 'public';
  const route = matchedRoutes(c).find((r) => r.method === method && !r.path.includes('*'));
  if (route) return requirementOf(method, openApiPath(route.path)) ?? UNLISTED;
  return 'signed-in';
}

const bilingual = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/**
 * Authentication and authorization of every /api request, in one place: finds the matched
 * route's requirement in `ROUTE_PERMISSIONS`, resolves the caller (bearer token or session
 * cookie), answers 401 without a valid one, 403 for a cookie-authenticated write without
 * the CSRF header, and 403 naming the permission the caller lacks (a `PermissionRefusal`).
 * Sets `principal` and `actor` for the handlers and the audit.
 */
export function authorize(ctx: RuntimeContext, adminToken: string | undefined): MiddlewareHandler<AppEnv> {
  const resolveCaller = callerResolver(ctx, adminToken);
  return async (c, next) => {
    const requirement = requirementOfRequest(c);
    c.set('principal', undefined);
    c.set('actor', 'anonymous');
    const writes = STATE_CHANGING.has(c.req.method);
    if (requirement === 'public') {
      // Signing in from a page of another site (login CSRF) is refused like any other cookie write.
      if (writes && c.req.header('authorization') === undefined && c.req.header(CSRF_HEADER) !== '1') return csrfRefusal(c);
      return next();
    }
    const caller = await resolveCaller(c);
    if (caller.outcome !== 'found') {
      c.header('WWW-Authenticate', 'Bearer realm="switchyard"');
      const header = caller.outcome === 'invalid' ? caller.header : 'Authorization';
      const message =
        caller.outcome === 'invalid'
          ? bilingual(
              'the session or token is not valid (expired, revoked or unknown): sign in again',
              '会话或令牌无效（已过期、已撤销或不存在），请重新登录',
            )
          : bilingual('sign in, or send Authorization: Bearer <token>', '请先登录，或发送 Authorization: Bearer <令牌>');
      return c.json({ error: message.en, details: { header, message } }, 401);
    }
    if (caller.via === 'session' && writes && c.req.header(CSRF_HEADER) !== '1') return csrfRefusal(c);
    const { principal } = caller;
    if (requirement !== 'signed-in' && !principal.permissions.has(requirement)) return permissionRefusal(c, requirement);
    c.set('principal', principal);
    c.set('actor', principal.actor);
    return next();
  };
}

/** The 403 of a missing permission: names it, so a client can say which in its own words (`PERMISSION_LABELS`). */
export function permissionRefusal(c: Context<AppEnv>, permission: Permission) {
  const body: PermissionRefusal = { error: `permission ${permission} is missing`, details: { permission } };
  return c.json(body, 403);
}

function csrfRefusal(c: Context<AppEnv>) {
  const message = bilingual(
    `a request signed in by cookie that changes something must carry the header ${CSRF_HEADER}: 1`,
    `通过 Cookie 登录的修改请求必须带有请求头 ${CSRF_HEADER}: 1`,
  );
  return c.json({ error: message.en, details: { header: CSRF_HEADER, message } }, 403);
}
