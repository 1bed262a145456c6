import type { LoginRequest } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { inTransaction } from '../catalog/in-transaction';
import type { Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { createSession, type NewSession } from './sessions';
import type { UserRow } from './user-view';

/** Failed sign-ins are counted over this window... */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** ...per account (the email asked for, whether or not it exists)... */
export const SIGN_IN_FAILURES_PER_ACCOUNT = 5;
/** ...and per client address. */
export const SIGN_IN_FAILURES_PER_ADDRESS = 20;

export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly user: UserRow; readonly session: NewSession }
  /** Wrong email, wrong password, disabled or SSO-only account: one answer for all, so accounts cannot be enumerated. */
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'rate-limited'; readonly retryAfterSeconds: number };

/**
 * Checks an email and password and opens a session. Each attempt is written as a failure
 * first and counted with the others of its account and address in the window; past a limit
 * it is refused unchecked (429) and not kept, so a flood neither gets guesses checked nor
 * grows the table. A success forgets the account's failures. An unknown email costs a decoy
 * argon2 check, so it takes as long as a known one.
 */
export async function signIn(ctx: Pick<RuntimeContext, 'db' | 'clock'>, request: LoginRequest, address: string): Promise<SignInResult> {
  const account = request.email.toLowerCase();
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const attempt = await inTransaction(ctx.db, async (trx) => {
    await trx.deleteFrom('login_failures').where('failed_at', '<', since).execute();
    return trx.insertInto('login_failures').values({ account, address, failed_at: now }).returning('id').executeTakeFirstOrThrow();
  });
  const limited = await rateLimit(ctx.db, account, address, since, now);
  if (limited !== undefined) {
    await ctx.db.deleteFrom('login_failures').where('id', '=', attempt.id).execute();
    return { outcome: 'rate-limited', retryAfterSeconds: limited };
  }
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', account).executeTakeFirst();
  const matches =
    user && !user.disabled && user.password_hash !== null
      ? await verifyPassword(user.password_hash, request.password)
      : await verifyAgainstDecoy(request.password);
  if (!user || !matches) return { outcome: 'refused' };
  const session = await inTransaction(ctx.db, async (trx) => {
    await trx.deleteFrom('login_failures').where('account', '=', account).execute();
    return createSession(trx, user.id, now);
  });
  return { outcome: 'signed-in', user, session };
}

/** Seconds until the oldest counted failure leaves the window, when the account or the address is over its limit. */
async function rateLimit(db: Kysely<Database>, account: string, address: string, since: Date, now: Date): Promise<number | undefined> {
  for (const [column, value, limit] of [
    ['account', account, SIGN_IN_FAILURES_PER_ACCOUNT],
    ['address', address, SIGN_IN_FAILURES_PER_ADDRESS],
  ] as const) {
    const row = await db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('failed_at').as('oldest')])
      .where(column, '=', value)
      .where('failed_at', '>=', since)
      .executeTakeFirst();
    if (row && Number(row.count) > limit) {
      const oldest = row.oldest instanceof Date ? row.oldest.getTime() : now.getTime();
      return Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
    }
  }
  return undefined;
}
