import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one: catalog
 * operations compose (seeding creates, publishes and deploys in one transaction) without
 * nesting, which Kysely refuses.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<Database>) => work(trx));
}
