import { AuditVerification } from '@switchyard/api';
import { recordAudit } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { type TestApp, testApp } from '../__fixtures__/test-app';

describe.each(testDatabases)('audit routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store);
  });

  it('reports a whole chain, then names the row changed behind its back', async () => {
    await t.call('POST', '/api/flows', { name: 'Audited' });
    const whole = expectBody(await t.call('GET', '/api/audit/verify'), AuditVerification);
    expect(whole).toMatchObject({ ok: true, firstBreak: null });
    expect(whole.rows).toBeGreaterThan(0);
    await store.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, { at: new Date(), actor: 'li-na', ticketId: null, flowId: 'x', kind: 'flow.created', detail: { name: 'x' } }),
      );
    const { id } = await store.db.selectFrom('audit_log').select('id').where('flow_id', '=', 'x').executeTakeFirstOrThrow();
    await store.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set actor = 'nobody' where id = ${id}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    expect(expectBody(await t.call('GET', '/api/audit/verify'), AuditVerification)).toMatchObject({
      ok: false,
      firstBreak: { reason: 'altered', id: String(id) },
    });
  });
});
