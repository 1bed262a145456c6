import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { migrateToLatest } from './migrate';

describe.each(testDatabases)('migrateToLatest on an up-to-date database, $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });

  it('returns without running anything, and still refuses a database migrated by newer code', async () => {
    const recorded = async () => (await sql<{ name: string }>`select name from kysely_migration`.execute(store.db)).rows.length;
    const before = await recorded();
    await migrateToLatest(store.db);
    expect(await recorded()).toBe(before);
    // A migration this code does not know: the fast path must not hide it (Kysely refuses it).
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(store.db);
    try {
      await expect(migrateToLatest(store.db)).rejects.toThrow(/9999-from-the-future/);
    } finally {
      await sql`delete from kysely_migration where name = '9999-from-the-future'`.execute(store.db);
    }
    await migrateToLatest(store.db);
  });
});
