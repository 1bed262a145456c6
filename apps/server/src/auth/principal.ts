import { type Permission, PERMISSIONS, permissionsOf, type Role } from '@switchyard/api';
import { rolesOf, type UserRow } from '@switchyard/runtime';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';

/** Who the audit names for requests made with the break-glass admin token. */
export const ADMIN_ACTOR = 'admin';

/**
 * Who is asking: a signed-in user (session cookie), a user's personal token, or the
 * break-glass `SWITCHYARD_ADMIN_TOKEN`. Set on the context of every non-public request by
 * `authenticate`; `permissions` is the union of `roles`' permissions (a token's roles are
 * those it was given that its user still holds).
 */
export interface Principal {
  readonly kind: 'user' | 'token' | 'admin-token';
  /** The user's id; `admin` for the admin token. */
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly language: 'en' | 'zh-CN';
  readonly roles: readonly Role[];
  /** Roster group ids whose tickets this person reaches. */
  readonly groups: readonly string[];
  /** The roster agent this user works as, if any: tickets assigned to it are theirs. */
  readonly agentId: string | null;
  readonly permissions: ReadonlySet<Permission>;
  /** The session (sha-256 of the cookie) or token id this request came with; undefined for the admin token. */
  readonly credentialId: string | undefined;
  /** What the audit log names: the email, `token:<name>/<email>`, or `admin`. */
  readonly actor: string;
}

/** The principal of a signed-in user's session. */
export function userPrincipal(user: UserRow, sessionId: string): Principal {
  const roles = rolesOf(user);
  return { ...personOf(user), kind: 'user', roles, permissions: permissionsOf(roles), credentialId: sessionId, actor: user.email };
}

/** The principal of a personal token: its roles, not all of its user's. */
export function tokenPrincipal(user: UserRow, token: { tokenId: string; name: string; roles: readonly Role[] }): Principal {
  return {
    ...personOf(user),
    kind: 'token',
    roles: token.roles,
    permissions: permissionsOf(token.roles),
    credentialId: token.tokenId,
    actor: `token:${token.name}/${user.email}`,
  };
}

/** The break-glass admin token: every permission, every ticket. */
export const ADMIN_TOKEN_PRINCIPAL: Principal = {
  kind: 'admin-token',
  id: ADMIN_ACTOR,
  email: ADMIN_ACTOR,
  name: 'Admin (SWITCHYARD_ADMIN_TOKEN)',
  language: 'en',
  roles: ['admin'],
  groups: [],
  agentId: null,
  permissions: new Set(PERMISSIONS),
  credentialId: undefined,
  actor: ADMIN_ACTOR,
};

function personOf(user: UserRow) {
  return { id: user.id, email: user.email, name: user.name, language: user.language, groups: user.groups, agentId: user.agent_id };
}

/**
 * The caller of a route that is not public. Only `authenticate` lets such a request through,
 * and it always sets one, so a missing principal is a bug of ours (a 500), never a 401.
 */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Error(`no principal on ${c.req.method} ${c.req.path}: is the route public in route-permissions.ts?`);
  return principal;
}
