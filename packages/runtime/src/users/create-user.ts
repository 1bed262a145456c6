import { randomUUID } from 'node:crypto';
import type { CreateUserRequest, UserView } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import type { Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { RuntimeInputError } from '../errors';
import { hashPassword } from './password';
import { toUserView } from './user-view';

/** What creating a user takes besides the request: SSO users come with their provider's identity. */
export interface NewUserIdentity {
  readonly oidcIssuer?: string;
  readonly oidcSubject?: string;
}

/**
 * Creates a user (admins, the first start, seeding, the first SSO sign-in). The email is kept
 * lower-case; one that exists is refused with a 409. The password, if any, is stored as argon2id.
 * @example await createUser(ctx, { email: 'li@example.com', name: 'Li', roles: ['agent'], groups: ['billing'] }, 'admin');
 */
export async function createUser(
  ctx: Pick<RuntimeContext, 'db' | 'clock'>,
  request: CreateUserRequest,
  actor: string,
  identity: NewUserIdentity = {},
): Promise<UserView> {
  // Hashing takes tens of milliseconds: outside the transaction, which holds PGlite's one connection.
  const passwordHash = request.password === undefined ? null : await hashPassword(request.password);
  return inTransaction(ctx.db, async (trx) => insertUser(trx, ctx.clock.now(), request, passwordHash, actor, identity));
}

async function insertUser(
  trx: Kysely<Database>,
  now: Date,
  request: CreateUserRequest,
  passwordHash: string | null,
  actor: string,
  identity: NewUserIdentity,
): Promise<UserView> {
  const email = request.email.toLowerCase();
  const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new RuntimeInputError(`a user with the email ${email} exists`, 409, { field: 'email', userId: taken.id });
  const id = randomUUID();
  const row = await trx
    .insertInto('users')
    .values({
      id,
      email,
      name: request.name,
      language: request.language ?? 'en',
      roles: [...new Set(request.roles)],
      groups: [...new Set(request.groups ?? [])],
      agent_id: request.agentId ?? null,
      password_hash: passwordHash,
      disabled: false,
      oidc_issuer: identity.oidcIssuer ?? null,
      oidc_subject: identity.oidcSubject ?? null,
      created_at: now,
      last_login_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { at: now, actor, kind: 'user.created', detail: { userId: id, email, roles: row.roles } });
  return toUserView(row);
}
