import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashSecret, randomSecret } from './secret-token';
import type { UserRow } from './user-view';

/** A session ends this long after its last request... */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** ...and this long after sign-in, whatever happens. */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often: not a write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** A new session: `secret` goes into the cookie and is never stored (the row's id is its sha-256). */
export interface NewSession {
  readonly id: string;
  readonly secret: string;
  readonly expiresAt: Date;
}

/**
 * Opens a session for a user who has just proved who they are (password sign-in, or the OIDC
 * callback): the caller sets `secret` as the session cookie. Call it with the sign-in's transaction.
 * @example const session = await createSession(trx, user.id, ctx.clock.now());
 */
export async function createSession(trx: Kysely<Database>, userId: string, now: Date): Promise<NewSession> {
  const secret = randomSecret();
  const id = hashSecret(secret);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await trx.insertInto('sessions').values({ id, user_id: userId, created_at: now, expires_at: expiresAt, last_seen_at: now }).execute();
  await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
  return { id, secret, expiresAt };
}

/** A live session and its user. */
export interface ResolvedSession {
  readonly sessionId: string;
  readonly user: UserRow;
}

/**
 * The session a cookie's secret opens, if it is live: not past its absolute end, used within
 * the idle limit, its user not disabled. An expired session is deleted on sight.
 */
export async function resolveSession(db: Kysely<Database>, secret: string, now: Date): Promise<ResolvedSession | undefined> {
  const id = hashSecret(secret);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return undefined;
  const idleEnd = session.last_seen_at.getTime() + SESSION_IDLE_MS;
  if (session.expires_at.getTime() <= now.getTime() || idleEnd <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.disabled) return undefined;
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_EVERY_MS)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  return { sessionId: id, user };
}

/** Ends the session a cookie's secret opens (sign-out); an unknown secret is no error. */
export async function endSession(db: Kysely<Database>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashSecret(secret)).execute();
}
