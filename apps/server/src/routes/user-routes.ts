import { createRoute, z } from '@hono/zod-openapi';
import { CreateUserRequest, PatchUserRequest, UserList, UserView } from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import { createUser, listUsers, patchUser, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { permissionRefusal } from '../auth/authorize';
import { principalOf } from '../auth/principal';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['users'];
const UserParams = z.object({ id: z.string().min(1).max(INPUT_LIMITS.id) });

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'Every user, by email (never a password hash)',
  responses: { 200: jsonContent(UserList, 'The users'), ...errorResponses() },
});

const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags,
  summary: 'Create a user with roles and roster groups (no password: SSO only)',
  request: { body: { required: true, content: { 'application/json': { schema: CreateUserRequest } } } },
  responses: { 201: jsonContent(UserView, 'Created'), ...errorResponses(400, 409) },
});

const patch = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags,
  summary: 'Change a user (users.manage); anyone may change their own name, language and password',
  request: { params: UserParams, body: { required: true, content: { 'application/json': { schema: PatchUserRequest } } } },
  responses: { 200: jsonContent(UserView, 'Changed'), ...errorResponses(400, 404, 409) },
});

/** What a user may change of their own account without users.manage; a personal token, not the password (a stolen token must not take the account over). */
const SELF_SERVICE = { session: new Set(['name', 'language', 'password']), token: new Set(['name', 'language']) };

/** Users and their roles: admins manage them; everyone may change their own name, language and password. */
export function userRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(list, async (c) => c.json(await listUsers(ctx.db), 200))
    .openapi(create, async (c) => c.json(await createUser(ctx, c.req.valid('json'), principalOf(c).actor), 201))
    .openapi(patch, async (c) => {
      const principal = principalOf(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const own = principal.kind !== 'admin-token' && principal.id === id;
      const allowed = principal.kind === 'user' ? SELF_SERVICE.session : SELF_SERVICE.token;
      const selfService = Object.keys(body).every((field) => allowed.has(field));
      if (!principal.permissions.has('users.manage') && !(own && selfService)) return permissionRefusal(c, 'users.manage');
      const keepSession = own && principal.kind === 'user' ? principal.credentialId : undefined;
      return c.json(await patchUser(ctx, id, body, principal.actor, keepSession), 200);
    });
}
