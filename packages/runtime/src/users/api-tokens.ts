import { randomUUID } from 'node:crypto';
import type { CreateTokenRequest, Role, TokenCreated, TokenView } from '@switchyard/api';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import type { ApiTokensTable, Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { hashSecret, randomSecret } from './secret-token';
import { rolesOf, type UserRow } from './user-view';

/** Every personal token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'syt_';
const TOUCH_EVERY_MS = 60 * 1000;

type TokenRow = Selectable<ApiTokensTable>;

function toTokenView(row: TokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    roles: rolesOf(row),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Creates a personal API token for `user`: its roles default to the user's and may not exceed
 * them (400 naming `roles`); an expiry must lie ahead. The secret is in this answer only.
 */
export async function createApiToken(
  ctx: Pick<RuntimeContext, 'db' | 'clock'>,
  user: Pick<UserRow, 'id' | 'roles'>,
  request: CreateTokenRequest,
  actor: string,
): Promise<TokenCreated> {
  const userRoles = rolesOf(user);
  const roles = [...new Set(request.roles ?? userRoles)];
  const beyond = roles.filter((role) => !userRoles.includes(role));
  if (beyond.length > 0)
    throw new RuntimeInputError(`a token may not hold roles its user does not: ${beyond.join(', ')}`, 400, {
      field: 'roles',
      roles: beyond,
    });
  const now = ctx.clock.now();
  const expiresAt = request.expiresAt === undefined ? null : new Date(request.expiresAt);
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    throw new RuntimeInputError('expiresAt must lie in the future', 400, { field: 'expiresAt' });
  const secret = randomSecret(TOKEN_PREFIX);
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        id: randomUUID(),
        user_id: user.id,
        name: request.name,
        roles,
        token_hash: hashSecret(secret),
        created_at: now,
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { at: now, actor, kind: 'token.created', detail: { tokenId: row.id, userId: user.id, name: row.name, roles } });
    return { ...toTokenView(row), token: secret };
  });
}

/** A user's tokens, newest first, without their secrets. */
export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<TokenView[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(toTokenView);
}

/** Revokes a token of `ownerId` (undefined: anybody's, for admins); someone else's token answers 404 like a missing one. */
export async function revokeApiToken(
  ctx: Pick<RuntimeContext, 'db' | 'clock'>,
  tokenId: string,
  ownerId: string | undefined,
  actor: string,
): Promise<TokenView> {
  return inTransaction(ctx.db, async (trx) => {
    let query = trx.selectFrom('api_tokens').selectAll().where('id', '=', tokenId);
    if (ownerId !== undefined) query = query.where('user_id', '=', ownerId);
    const row = await query.forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError('token', tokenId);
    if (row.revoked_at) return toTokenView(row);
    const now = ctx.clock.now();
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', tokenId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { at: now, actor, kind: 'token.revoked', detail: { tokenId, userId: row.user_id, name: row.name } });
    return toTokenView(revoked);
  });
}

/** A live token and its user; `roles` are the token's roles its user still holds. */
export interface ResolvedToken {
  readonly tokenId: string;
  readonly name: string;
  readonly roles: Role[];
  readonly user: UserRow;
}

const TokenSecret = z.string().startsWith(TOKEN_PREFIX).max(200);

/** The token a bearer secret names, if it is live: not revoked, not expired, its user not disabled. */
export async function resolveApiToken(db: Kysely<Database>, secret: string, now: Date): Promise<ResolvedToken | undefined> {
  if (!TokenSecret.safeParse(secret).success) return undefined;
  const token = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(secret)).executeTakeFirst();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at.getTime() <= now.getTime())) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', token.user_id).executeTakeFirst();
  if (!user || user.disabled) return undefined;
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() >= TOUCH_EVERY_MS)
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
  const userRoles = rolesOf(user);
  return { tokenId: token.id, name: token.name, roles: rolesOf(token).filter((role) => userRoles.includes(role)), user };
}
