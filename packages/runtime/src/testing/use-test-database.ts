import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SwitchyardDatabase } from '../db/create-database';
import type { Database } from '../db/schema';
import type { TestDatabaseTarget } from './test-databases';

export interface TestDatabaseOptions {
  /**
   * Keep the rows from one test to the next, for a suite whose tests are steps of one story
   * (each reads what the previous wrote). By default every table is emptied after each test.
   */
  readonly keepRows?: boolean;
  /** The PostgreSQL pool's size (default 8), for suites that load it from many loops. */
  readonly maxConnections?: number;
}

/**
 * A suite's own migrated database on `target`: opened before its first test, emptied after
 * each test (unless `keepRows`), closed after the last. The handle is live: read it inside
 * hooks and tests, where it is the opened database; before `beforeAll` it throws.
 * @example
 * describe.each(testDatabases)('tickets on $name', (target) => {
 *   const store = useTestDatabase(target);
 *   it('opens a ticket', async () => { await createTicket({ ...ctx, db: store.db }, input, 'test'); });
 * });
 */
export function useTestDatabase(target: TestDatabaseTarget, options: TestDatabaseOptions = {}): SwitchyardDatabase {
  let opened: SwitchyardDatabase | undefined;
  const current = (): SwitchyardDatabase => {
    if (!opened)
      throw new Error(`the ${target.name} test database is open only inside hooks and tests (useTestDatabase opens it in beforeAll)`);
    return opened;
  };
  // PGlite's first open in a process takes seconds.
  beforeAll(async () => {
    opened = await target.open({ maxConnections: options.maxConnections });
  }, 60_000);
  afterAll(async () => {
    const closing = opened;
    opened = undefined;
    await closing?.close();
  });
  if (!options.keepRows) afterEach(() => clearTables(current().db));
  return {
    get db() {
      return current().db;
    },
    kind: target.name,
    get schema() {
      return current().schema;
    },
    listen: (channel, onNotify, onLost) => current().listen(channel, onNotify, onLost),
    // Closing early (to test what happens then) leaves afterAll nothing to do.
    close: async () => {
      const closing = current();
      opened = undefined;
      await closing.close();
    },
  };
}

/** Empties every table of the database's schema but the migrations' own, and restarts its sequences. */
export async function clearTables(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'kysely_migration%'`.execute(db);
  if (rows.length === 0) return;
  await sql`truncate ${sql.join(rows.map((row) => sql.id(row.name)))} restart identity cascade`.execute(db);
}
