import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { recountAnalytics } from '../analytics/recount-analytics';
import { recordAudit } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { catalogContext } from '../catalog/__fixtures__/catalog-context';
import { seedExamples } from '../catalog/index';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import { importTickets } from './import-tickets';

const examples = join(import.meta.dirname, '../../../../examples');
const lines = (...tickets: unknown[]) => tickets.map((t) => JSON.stringify(t)).join('\n');

// Issue 22: new tickets' audit and analytics rows are computed without reads (writeNewTickets), and the
// binding references are checked once per statement (migration 0032): both must leave what recordAudit and
// the foreign keys left.
describe.each(testDatabases)('new tickets written in two statements on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  beforeAll(async () => {
    ctx = catalogContext(store);
    await seedExamples(ctx, examples);
  }, 120_000);

  it('binds every deployed flow, starts each ticket’s audit chain where recordAudit continues it, and the rollups recount equal', async () => {
    const imported = await importTickets(
      ctx,
      lines(
        { channel: 'email', subject: '发票', body: '要开票', customer: { id: 'C1', tier: 'vip' } },
        { channel: 'web', subject: 'refund', customer: { id: 'C2', name: 'Li' }, orderId: 'DD1' },
      ),
      'admin',
    );
    const one = await createTicket(ctx, { channel: 'chat', subject: '快递', customer: { id: 'C1' } }, 'api');
    const ids = [...imported.tickets.map((t) => t.id), one.id];
    const deployed = await store.db.selectFrom('deployments').select('flow_id').orderBy('position').orderBy('flow_id').execute();
    for (const id of ids) {
      const bindings = await store.db.selectFrom('ticket_flows').select(['flow_id', 'version']).where('ticket_id', '=', id).execute();
      const outcomes = await store.db.selectFrom('ticket_outcomes').select(['flow_id', 'version']).where('ticket_id', '=', id).execute();
      expect(bindings.length).toBe(deployed.length);
      expect(new Set(outcomes.map((o) => `${o.flow_id}@${o.version}`))).toEqual(new Set(bindings.map((b) => `${b.flow_id}@${b.version}`)));
      const [created] = await store.db.selectFrom('audit_log').selectAll().where('ticket_id', '=', id).execute();
      expect(created).toMatchObject({ kind: 'ticket.created', chain_seq: '1', chain: id });
      expect(created?.detail).toMatchObject({ flows: deployed.map((d) => ({ flowId: d.flow_id })) });
      const head = await store.db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', id).executeTakeFirst();
      expect(head).toMatchObject({ seq: '1', hash: created?.hash });
    }
    // recordAudit goes on from the head the creation wrote.
    await recordAudit(store.db, {
      at: ctx.clock.now(),
      actor: 'test',
      ticketId: one.id,
      flowId: null,
      kind: 'ticket.fault',
      detail: { message: 'x' },
    });
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
    const recount = await recountAnalytics(store.db);
    expect(recount.staleFacts).toEqual([]);
    expect(recount.daily.stored).toEqual(recount.daily.recounted);
    expect(recount.flow.stored).toEqual(recount.flow.recounted);
  });

  it('refuses a binding to a missing ticket or flow version', async () => {
    const { id } = await createTicket(ctx, { channel: 'chat', subject: 'x', customer: { id: 'C3' } }, 'api');
    const [bound] = await store.db.selectFrom('ticket_flows').select(['flow_id', 'version']).where('ticket_id', '=', id).execute();
    if (!bound) throw new Error('no binding');
    const code = (run: Promise<unknown>) =>
      run.then(
        () => 'written',
        (e: unknown) => (e instanceof Error && 'code' in e ? e.code : e),
      );
    const bind = (ticketId: string, version: number) =>
      sql`insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
        values (${ticketId}, ${bound.flow_id}, ${version}, null, '{}'::jsonb, now())`.execute(store.db);
    expect(await code(bind('no-such-ticket', bound.version))).toBe('23503');
    const { id: other } = await createTicket(ctx, { channel: 'chat', subject: 'y', customer: { id: 'C3' } }, 'api');
    await store.db.deleteFrom('ticket_flows').where('ticket_id', '=', other).where('flow_id', '=', bound.flow_id).execute();
    expect(await code(bind(other, 999))).toBe('23503');
    expect(
      await code(
        store.db
          .updateTable('ticket_flows')
          .set({ version: 999 })
          .where('ticket_id', '=', id)
          .where('flow_id', '=', bound.flow_id)
          .execute(),
      ),
    ).toBe('23503');
  });
});
