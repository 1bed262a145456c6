import type { PatchUserRequest, UserView } from '@switchyard/api';
import type { Kysely, Updateable } from 'kysely';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import type { Database, UsersTable } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { hashPassword } from './password';
import { rolesOf, toUserView } from './user-view';

/**
 * Changes a user. A new password or disabling the account ends the user's sessions (all but
 * `keepSessionId`, the caller's own, when they change their own password) and a disabled
 * user's tokens stop working. A change that would leave no enabled admin is refused (409):
 * nobody could manage users any more but the break-glass token.
 */
export async function patchUser(
  ctx: Pick<RuntimeContext, 'db' | 'clock'>,
  id: string,
  patch: PatchUserRequest,
  actor: string,
  keepSessionId?: string,
): Promise<UserView> {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return inTransaction(ctx.db, async (trx) => {
    const current = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new NotFoundError('user', id);
    const changes: Updateable<UsersTable> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.language !== undefined) changes.language = patch.language;
    if (patch.roles !== undefined) changes.roles = [...new Set(patch.roles)];
    if (patch.groups !== undefined) changes.groups = [...new Set(patch.groups)];
    if (patch.agentId !== undefined) changes.agent_id = patch.agentId;
    if (patch.disabled !== undefined) changes.disabled = patch.disabled;
    if (passwordHash !== undefined) changes.password_hash = passwordHash;
    const fields = Object.keys(changes);
    if (fields.length === 0) return toUserView(current);
    const row = await trx.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (rolesOf(current).includes('admin') && !current.disabled && (row.disabled || !rolesOf(row).includes('admin')))
      await refuseLastAdmin(trx, id);
    if (passwordHash !== undefined || row.disabled) await endSessions(trx, id, row.disabled ? undefined : keepSessionId);
    const now = ctx.clock.now();
    await appendAudit(trx, { at: now, actor, kind: 'user.changed', detail: { userId: id, email: row.email, fields } });
    return toUserView(row);
  });
}

async function refuseLastAdmin(trx: Kysely<Database>, id: string): Promise<void> {
  const other = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '!=', id)
    .where('disabled', '=', false)
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .executeTakeFirst();
  if (!other) throw new RuntimeInputError('this change would leave no enabled admin', 409, { field: 'roles', userId: id });
}

async function endSessions(trx: Kysely<Database>, userId: string, keepSessionId: string | undefined): Promise<void> {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
