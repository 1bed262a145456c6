import { describe, expect, it } from 'vitest';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import { testDatabases, testPglite } from './test-databases';
import { useTestDatabase } from './use-test-database';

const audit = (kind: string) => ({
  at: new Date('2026-05-01T00:00:00Z'),
  actor: 'test',
  ticket_id: null,
  flow_id: null,
  kind,
  detail: auditDetailShape.json({}),
});

describe.each(testDatabases)('useTestDatabase on $name', (target) => {
  const store = useTestDatabase(target);

  it('opens a migrated database for the suite', async () => {
    expect(store.kind).toBe(target.name);
    await store.db.insertInto('audit_log').values(audit('first')).execute();
    expect(await store.db.selectFrom('audit_log').select(['id', 'kind']).execute()).toEqual([{ id: '1', kind: 'first' }]);
  });

  it('starts the next test on empty tables with their sequences restarted, even the append-only audit log', async () => {
    expect(await store.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
    await store.db.insertInto('audit_log').values(audit('second')).execute();
    expect(await store.db.selectFrom('audit_log').select(['id', 'kind']).execute()).toEqual([{ id: '1', kind: 'second' }]);
  });
});

describe.each(testDatabases)('useTestDatabase keeping rows on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });

  it('writes a row', async () => {
    await store.db.insertInto('audit_log').values(audit('kept')).execute();
  });

  it('finds it in the next test', async () => {
    expect(await store.db.selectFrom('audit_log').select('kind').execute()).toEqual([{ kind: 'kept' }]);
  });
});

describe('useTestDatabase outside hooks and tests', () => {
  const store = useTestDatabase(testPglite, { keepRows: true });
  const early = (() => {
    try {
      return store.db;
    } catch (error) {
      return error;
    }
  })();

  it('throws naming where it can be read', () => {
    expect(early).toEqual(
      new Error('the pglite test database is open only inside hooks and tests (useTestDatabase opens it in beforeAll)'),
    );
  });
});
