import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { migrateToLatest } from './migrate';
import { auditDetailShape } from './stored/audit-detail-shape';

describe.each(testDatabases)('schema on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });

  it('migrates twice without harm', async () => {
    await migrateToLatest(store.db);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['tickets', 'ticket_events', 'timers', 'outbox', 'audit_log']));
  });

  it('upgrades a database that ran a later-numbered migration first (0030 before 0028: branches merge out of order)', async () => {
    await migrateToLatest(store.db);
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
    const migrations = sql.table(`${rows[0]?.schema ?? 'public'}.kysely_migration`);
    // As a database migrated before 0028 landed: 0030 and later applied, 0028 not.
    await sql`drop table approval_decisions`.execute(store.db);
    await sql`delete from ${migrations} where name = '0028-approval-decisions'`.execute(store.db);
    await migrateToLatest(store.db);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toContain('approval_decisions');
  });

  it('keeps the audit log append-only', async () => {
    await store.db
      .insertInto('audit_log')
      .values({ at: new Date(), actor: 'test', ticket_id: null, flow_id: null, kind: 'probe', detail: auditDetailShape.json({ a: [1] }) })
      .execute();
    await expect(store.db.updateTable('audit_log').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const rows = await store.db.selectFrom('audit_log').select(['actor', 'detail']).execute();
    expect(rows).toEqual([{ actor: 'test', detail: { a: [1], $v: 1 } }]);
  });

  it('reads bigint ids as text and timestamps as dates', async () => {
    const row = await store.db.selectFrom('audit_log').select(['id', 'at']).executeTakeFirstOrThrow();
    expect(typeof row.id).toBe('string');
    expect(row.at).toBeInstanceOf(Date);
    const { rows } = await sql<{ n: number }>`select 1 as n`.execute(store.db);
    expect(rows[0]?.n).toBe(1);
  });
});
