import type { UserView } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toUserView, type UserRow } from './user-view';

/** Every user, by email. */
export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(toUserView);
}

/** One user's row, or undefined. */
export async function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the users table is empty: the first start creates the first admin then. */
export async function hasUsers(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}
