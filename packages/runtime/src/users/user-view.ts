import { Role, type UserView } from '@switchyard/api';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { UsersTable } from '../db/schema';

export type UserRow = Selectable<UsersTable>;

const Roles = z.array(Role);

/** A user's roles as stored (text[]), parsed: a role the code no longer knows fails loudly rather than granting nothing silently. */
export function rolesOf(row: Pick<UserRow, 'roles'>): Role[] {
  return Roles.parse(row.roles);
}

/** A user as the API shows them: never the password hash. */
export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    roles: rolesOf(row),
    groups: row.groups,
    agentId: row.agent_id,
    disabled: row.disabled,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}
