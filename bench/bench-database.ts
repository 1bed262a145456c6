import { migrateToLatest, openDatabase } from '@switchyard/runtime';
import { testPostgresUrl } from '@switchyard/runtime/testing';
import { sql } from 'kysely';

/**
 * A database of a bench's own on the real PostgreSQL, migrated. Kept between runs unless
 * `fresh` (a bench whose rows are sealed with this run's data key must start empty).
 */
export async function openBenchDatabase(name: string, options: { fresh: boolean }) {
  const base = testPostgresUrl();
  const admin = await openDatabase({ url: base, maxConnections: 1 });
  try {
    const found = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db);
    const exists = (found.rows[0]?.n ?? 0) > 0;
    if (exists && options.fresh) await sql.raw(`drop database ${name} with (force)`).execute(admin.db);
    if (!exists || options.fresh) await sql.raw(`create database ${name}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const store = await openDatabase({ url: url.toString(), maxConnections: 4 });
  await migrateToLatest(store.db);
  return store;
}
