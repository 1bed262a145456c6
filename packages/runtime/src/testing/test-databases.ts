import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type SwitchyardDatabase } from '../db/create-database';
import { migrateToLatest } from '../db/migrate';

/**
 * The real PostgreSQL of the test machine (CI starts it); override with SWITCHYARD_TEST_DATABASE_URL.
 * Read when called, not at import: importing the testing helpers touches nothing.
 */
export function testPostgresUrl(): string {
  return process.env.SWITCHYARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestDatabaseTarget {
  readonly name: 'pglite' | 'postgres';
  /** A migrated, empty database of its own; closing drops it. `maxConnections` sizes a PostgreSQL pool (default 8). */
  readonly open: (options?: { readonly maxConnections?: number }) => Promise<SwitchyardDatabase>;
}

/** PGlite in memory. */
export const testPglite: TestDatabaseTarget = {
  name: 'pglite',
  open: async () => {
    const store = await openDatabase();
    await migrateToLatest(store.db);
    return store;
  },
};

/** The real PostgreSQL, in a fresh schema per `open()` so test files can run in parallel. */
export const testPostgres: TestDatabaseTarget = {
  name: 'postgres',
  open: async (options = {}) => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const store = await openDatabase({ url: testPostgresUrl(), schema, maxConnections: options.maxConnections ?? 8 });
    await migrateOrDrop(store, schema);
    return { ...store, close: () => dropSchema(store, schema) };
  },
};

/**
 * The databases every storage test runs on: PGlite in memory, and the real PostgreSQL.
 * @example describe.each(testDatabases)('tickets on $name', (target) => { const store = useTestDatabase(target); ... })
 */
export const testDatabases: readonly TestDatabaseTarget[] = [testPglite, testPostgres];

/** A fresh schema on the real PostgreSQL and its URL, for tests that start other processes. */
export async function createTestSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openDatabase({ url: testPostgresUrl(), schema, maxConnections: 2 });
  await migrateOrDrop(store, schema);
  return { schema, drop: () => dropSchema(store, schema) };
}

/** A schema whose migration failed is dropped at once: nothing is left behind in the test database. */
async function migrateOrDrop(store: SwitchyardDatabase, schema: string): Promise<void> {
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await dropSchema(store, schema);
    throw error;
  }
}

async function dropSchema(store: SwitchyardDatabase, schema: string): Promise<void> {
  await store.close();
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
