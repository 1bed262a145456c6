import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as initial from './migrations/0001-initial';
import type { Database } from './schema';

/** Migrations are bundled in code, so the server needs no migration folder at run time. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date; safe to call from several processes at once (Kysely takes
 * a lock on its migration table). Throws with the failing migration's name.
 * @param schema the PostgreSQL schema the database works in. Kysely must be told: left to
 * itself it finds another schema's migration tables and then looks for them in this one.
 */
export async function migrateToLatest(db: Kysely<Database>, schema = 'public'): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema: schema }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : 'not an Error'}`, { cause: error });
  }
}
