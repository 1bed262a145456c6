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

  it('adds a batch’s bound tickets to one counter row per flow version (its session’s shard), and the counts stay exact', async () => {
    const counts = async () =>
      new Map(
        (
          await sql<{ flow_id: string; bound: number; rows: number }>`
            select flow_id, sum(bound)::int as bound, count(*)::int as rows from flow_version_outcomes group by flow_id`.execute(store.db)
        ).rows.map((r) => [r.flow_id, r] as const),
      );
    const before = await counts();
    const tickets = Array.from({ length: 40 }, (_, i) => ({ channel: 'chat', subject: `s${i}`, customer: { id: `S${i % 7}` } }));
    await importTickets(ctx, lines(...tickets), 'admin');
    const after = await counts();
    expect(after.size).toBeGreaterThan(0);
    for (const [flowId, now] of after) {
      const was = before.get(flowId);
      expect(now.bound - (was?.bound ?? 0)).toBe(40);
      // By ticket, 40 tickets would have spread over up to 16 shards; by session they add to at most one new row.
      expect(now.rows - (was?.rows ?? 0)).toBeLessThanOrEqual(1);
    }
  });

  it('leaves nothing when a write of the last round trip fails, and the store goes on', async () => {
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from tickets`.execute(store.db)).rows[0]?.n);
    const before = await count();
    await sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin raise exception 'boom refused'; end $$`.execute(store.db);
    await sql`create trigger refuse_boom before insert on ticket_messages for each row when (new.body like '%boom%')
      execute function refuse_boom()`.execute(store.db);
    try {
      // 1,500 lines: two chunks, the failing ticket in the second.
      const tickets = Array.from({ length: 1_500 }, (_, i) => ({
        channel: 'chat',
        subject: i === 1_200 ? 'boom' : `b${i}`,
        customer: { id: `B${i}` },
      }));
      await expect(importTickets(ctx, lines(...tickets), 'admin')).rejects.toThrow(/boom refused/);
      await expect(createTicket(ctx, { channel: 'chat', subject: 'boom', customer: { id: 'B1' } }, 'api')).rejects.toThrow(/boom refused/);
      expect(await count()).toBe(before);
      expect(await store.db.selectFrom('customers').select('id').where('id', '=', 'B0').execute()).toEqual([]);
    } finally {
      await sql`drop trigger refuse_boom on ticket_messages`.execute(store.db);
      await sql`drop function refuse_boom()`.execute(store.db);
    }
    const { number } = await createTicket(ctx, { channel: 'chat', subject: 'fine', customer: { id: 'B1' } }, 'api');
    expect(number).toMatch(/^GD\d{6}\d+$/);
    expect(await count()).toBe(before + 1);
  });
});
