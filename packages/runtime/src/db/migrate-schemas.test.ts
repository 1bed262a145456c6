import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresUrl } from '../testing/index';
import { openDatabase, type SwitchyardDatabase } from './create-database';
import { migrateToLatest } from './migrate';

/*
 * Several schemas of one PostgreSQL database, each migrated on its own (what every test file
 * and every scale-out set-up does). Kysely must keep each schema's migration bookkeeping in
 * that schema: otherwise it takes another schema's for its own and leaves this one empty.
 * Runs in a scratch database of its own, so `public` of the shared test database is untouched.
 */
const scratchDb = `switchyard_migrate_${randomBytes(4).toString('hex')}`;
const scratchUrl = (() => {
  const url = new URL(testPostgresUrl());
  url.pathname = `/${scratchDb}`;
  return url.toString();
})();

async function hasTickets(store: SwitchyardDatabase, schema: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${`${schema}.tickets`})::text as found`.execute(store.db);
  return typeof rows[0]?.found === 'string';
}

describe('migrating several schemas of one PostgreSQL database', () => {
  let admin: SwitchyardDatabase;
  const opened: SwitchyardDatabase[] = [];
  const open = async (schema?: string) => {
    const store = await openDatabase({ url: scratchUrl, schema, maxConnections: 1 });
    opened.push(store);
    return store;
  };
  beforeAll(async () => {
    admin = await openDatabase({ url: testPostgresUrl(), maxConnections: 1 });
    await sql`create database ${sql.id(scratchDb)}`.execute(admin.db);
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await sql`drop database if exists ${sql.id(scratchDb)} with (force)`.execute(admin.db);
    await admin.close();
  });

  it('migrates each schema a store was opened in, and public too, whatever the others hold', async () => {
    const a = await open('opened_a');
    await migrateToLatest(a.db);
    const b = await open('opened_b');
    await migrateToLatest(b.db);
    const main = await open();
    await migrateToLatest(main.db);
    expect({ a: await hasTickets(a, 'opened_a'), b: await hasTickets(b, 'opened_b'), public: await hasTickets(main, 'public') }).toEqual({
      a: true,
      b: true,
      public: true,
    });
  });
});
