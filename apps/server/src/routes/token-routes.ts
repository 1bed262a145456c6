import { createRoute, z } from '@hono/zod-openapi';
import { CreateTokenRequest, TokenCreated, TokenList, TokenView } from '@switchyard/api';
import { INPUT_LIMITS } from '@switchyard/flow';
import { createApiToken, findUser, listApiTokens, revokeApiToken, type RuntimeContext, RuntimeInputError } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { type Principal, principalOf } from '../auth/principal';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['auth'];
const TokenParams = z.object({ id: z.string().min(1).max(INPUT_LIMITS.id) });

const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags,
  summary: 'Create a personal API token (for scripts and the CLI): its secret is in this answer only',
  request: { body: { required: true, content: { 'application/json': { schema: CreateTokenRequest } } } },
  responses: { 201: jsonContent(TokenCreated, 'Created; keep `token`, it is never shown again'), ...errorResponses(400) },
});

const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags,
  summary: "The caller's personal tokens, newest first, without secrets",
  responses: { 200: jsonContent(TokenList, 'The tokens'), ...errorResponses(400) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags,
  summary: "Revoke a token: the caller's own (with users.manage, anybody's); it stops working at once",
  request: { params: TokenParams },
  responses: { 200: jsonContent(TokenView, 'Revoked'), ...errorResponses(400, 404) },
});

/** Tokens belong to users: the break-glass admin token has no user to own one. */
function userIdOf(principal: Principal): string {
  if (principal.kind === 'admin-token')
    throw new RuntimeInputError('the admin token (SWITCHYARD_ADMIN_TOKEN) has no personal tokens: sign in as a user', 400, {
      header: 'Authorization',
    });
  return principal.id;
}

/** Personal API tokens: created, listed and revoked by their user. */
export function tokenRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(create, async (c) => {
      const principal = principalOf(c);
      const user = await findUser(ctx.db, userIdOf(principal));
      if (!user) throw new RuntimeInputError('the signed-in user no longer exists', 400);
      // A token made with a token holds at most that token's roles: a narrow token cannot mint a wider one.
      const ceiling = { id: user.id, roles: principal.kind === 'token' ? [...principal.roles] : user.roles };
      return c.json(await createApiToken(ctx, ceiling, c.req.valid('json'), principal.actor), 201);
    })
    .openapi(list, async (c) => c.json(await listApiTokens(ctx.db, userIdOf(principalOf(c))), 200))
    .openapi(revoke, async (c) => {
      const principal = principalOf(c);
      const owner = principal.permissions.has('users.manage') ? undefined : userIdOf(principal);
      return c.json(await revokeApiToken(ctx, c.req.valid('param').id, owner, principal.actor), 200);
    });
}
