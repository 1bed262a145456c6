import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import type { SwitchyardDatabase } from '../db/create-database';
import { chainExistingRows } from '../db/migrations/0011-audit-chain';
import { AUDIT_CHAIN_GENESIS } from './audit-chain-hash';
import { AUDIT_ENTRY_COLUMNS } from './audit-entries';
import type { AuditEntry } from './audit-entry';
import { readAuditRow } from './read-audit-row';
import { recordAudit } from './record-audit';
import { verifyAuditChain } from './verify-audit-chain';

const AT = new Date('2026-05-01T01:00:00.000Z');

/** `count` flow.created entries, one transaction each, in order. */
async function appendEntries(store: SwitchyardDatabase, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await store.db.transaction().execute((trx) =>
      recordAudit(trx, {
        at: new Date(AT.getTime() + i * 1000),
        actor: 'li-na',
        ticketId: null,
        flowId: `f${i}`,
        kind: 'flow.created',
        detail: { name: `流程 ${i}` },
      }),
    );
  }
}

/** Changes the log behind recordAudit's back, as someone with database access would. */
async function tamper(store: SwitchyardDatabase, change: ReturnType<typeof sql>): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await change.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}

const idAt = async (store: SwitchyardDatabase, seq: number) =>
  (await store.db.selectFrom('audit_log').select('id').where('chain_seq', '=', String(seq)).executeTakeFirstOrThrow()).id;

describe.each(testDatabases)('the audit chain on $name', (target) => {
  const store = useTestDatabase(target);

  it('holds for rows appended one by one and several at once, and for an empty log', async () => {
    expect(await verifyAuditChain(store.db)).toEqual({
      ok: true,
      rows: 0,
      head: { seq: '0', hash: AUDIT_CHAIN_GENESIS },
      firstBreak: null,
    });
    await appendEntries(store, 3);
    await store.db.transaction().execute((trx) =>
      recordAudit(trx, [
        { at: AT, actor: 'api', ticketId: null, flowId: 'a', kind: 'flow.created', detail: { name: 'a' } },
        { at: AT, actor: 'api', ticketId: null, flowId: 'b', kind: 'flow.created', detail: { name: 'b' } },
      ]),
    );
    const verified = await verifyAuditChain(store.db);
    expect(verified).toMatchObject({ ok: true, rows: 5, head: { seq: '5' }, firstBreak: null });
    expect(verified.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps one unbroken chain when many transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        store.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, { at: AT, actor: `w${i}`, ticketId: null, flowId: `f${i}`, kind: 'flow.created', detail: { name: `n${i}` } }),
          ),
      ),
    );
    const seqs = await store.db.selectFrom('audit_log').select('chain_seq').orderBy('chain_seq').execute();
    expect(seqs.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, rows: 24 });
  });

  it('names a row whose content was changed behind its back', async () => {
    await appendEntries(store, 4);
    const id = await idAt(store, 2);
    await tamper(store, sql`update audit_log set actor = 'someone-else' where id = ${id}`);
    expect(await verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      rows: 1,
      firstBreak: {
        reason: 'altered',
        id: String(id),
        seq: '2',
        message: `audit row ${id} (chain position 2) does not match its hash: it was changed after it was written`,
      },
    });
  });

  it('names a row whose detail was changed, even with its hash recomputed by hand (the next row no longer links)', async () => {
    await appendEntries(store, 3);
    const id = await idAt(store, 1);
    await tamper(store, sql`update audit_log set detail = ${auditDetailShape.json({ name: '改过' })}::jsonb where id = ${id}`);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'altered', id: String(id), seq: '1' });
  });

  it('names the gap where a row was deleted, and a deleted last row', async () => {
    await appendEntries(store, 4);
    const third = await idAt(store, 3);
    await tamper(store, sql`delete from audit_log where chain_seq = 2`);
    expect(await verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      rows: 1,
      firstBreak: { reason: 'missing', id: String(third), seq: '2', toSeq: '2' },
    });
    await tamper(store, sql`delete from audit_log where chain_seq >= 2`);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'tail-missing', id: null, seq: '2', toSeq: '4' });
  });

  it('names a row written around recordAudit', async () => {
    await appendEntries(store, 1);
    const { id } = await store.db
      .insertInto('audit_log')
      .values({ at: AT, actor: 'sql', ticket_id: null, flow_id: null, kind: 'probe', detail: auditDetailShape.json({}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'unchained', id: String(id) });
  });

  it('chains the rows written before migration 0011 (its backfill), and appends after them', async () => {
    // A log from before the chain: rows without a position, and no head.
    await sql`delete from audit_chain`.execute(store.db);
    for (const [i, kind] of ['flow.created', 'flow.published'].entries()) {
      await store.db
        .insertInto('audit_log')
        .values({
          at: new Date(AT.getTime() + i),
          actor: 'old',
          ticket_id: 'T1',
          flow_id: 'f',
          kind,
          detail: auditDetailShape.json({ n: i, nested: { b: 1, a: [2] } }),
        })
        .execute();
    }
    await chainExistingRows(store.db);
    await appendEntries(store, 2);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, rows: 4, head: { seq: '4' } });
  });

  describe('per-ticket chains (migration 0022)', () => {
    const applied = (ticketId: string, i: number) => ({
      at: new Date(AT.getTime() + i),
      actor: 'runtime',
      ticketId,
      flowId: null,
      kind: 'event.applied' as const,
      detail: { eventId: String(i + 1), type: 'customer.message' },
    });
    /** `count` rows on each ticket, one transaction (one entry) each, every ticket's at once. */
    const appendTicketEntries = (tickets: readonly string[], count: number) =>
      Promise.all(
        tickets.map(async (ticketId) => {
          for (let i = 0; i < count; i++) await store.db.transaction().execute((trx) => recordAudit(trx, applied(ticketId, i)));
        }),
      );

    it('chains each ticket on its own, side by side with the global chain, and verifies both', async () => {
      await appendEntries(store, 2);
      await appendTicketEntries(['T-a', 'T-b', 'T-c'], 3);
      await appendTicketEntries(['T-a'], 2);
      const heads = await store.db.selectFrom('audit_chain_heads').select(['chain', 'seq']).orderBy('chain').execute();
      expect(heads).toEqual([
        { chain: 'T-a', seq: '5' },
        { chain: 'T-b', seq: '3' },
        { chain: 'T-c', seq: '3' },
      ]);
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, rows: 13, head: { seq: '2' }, firstBreak: null });
    });

    it("names a ticket's row changed, a gap, its deleted last rows, and its deleted head", async () => {
      await appendTicketEntries(['T-a', 'T-b'], 3);
      await tamper(store, sql`update audit_log set actor = 'nobody' where chain = 'T-b' and chain_seq = 2`);
      expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'altered', seq: '2' });
      await tamper(store, sql`delete from audit_log where chain = 'T-b' and chain_seq = 2`);
      expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'missing', seq: '2', toSeq: '2' });
      await tamper(store, sql`delete from audit_log where chain = 'T-b'`);
      expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'tail-missing', seq: '1', toSeq: '3' });
      // A ticket's whole history deleted with its head leaves no trace on the chains (README: what the chain proves).
      await sql`delete from audit_chain_heads where chain = 'T-b'`.execute(store.db);
      expect((await verifyAuditChain(store.db)).firstBreak).toBeNull();
      await sql`delete from audit_chain_heads where chain = 'T-a'`.execute(store.db);
      expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'head-mismatch' });
    });

    describe('packed rows (migration 0033)', () => {
      const transitionOfA: AuditEntry = {
        at: new Date(AT.getTime() + 1),
        actor: 'runtime',
        ticketId: 'T-a',
        flowId: 'f1',
        kind: 'flow.transition',
        detail: { event: 'customer.message', from: 'a', to: 'b', visits: ['b'] },
      };
      const errorOfA: AuditEntry = {
        at: new Date(AT.getTime() + 2),
        actor: 'runtime',
        ticketId: 'T-a',
        flowId: 'f1',
        kind: 'flow.error',
        detail: { message: 'boom' },
      };
      /** One call: three entries of T-a (two on flow f1), one without a ticket, one of T-b. */
      const recordMixed = () =>
        store.db
          .transaction()
          .execute((trx) =>
            recordAudit(trx, [
              applied('T-a', 0),
              transitionOfA,
              { at: AT, actor: 'li-na', ticketId: null, flowId: 'f9', kind: 'flow.created', detail: { name: '流程' } },
              errorOfA,
              applied('T-b', 0),
            ]),
          );

      it("write one row per ticket and call, read back as the call's entries in order, and chain it", async () => {
        await recordMixed();
        const rows = await store.db.selectFrom('audit_log').select(['id', 'kind', 'chain', 'kinds', 'flows', 'at']).orderBy('id').execute();
        expect(rows.map(({ kind, chain, kinds, flows }) => ({ kind, chain, kinds, flows }))).toEqual([
          { kind: 'packed', chain: 'T-a', kinds: ['event.applied', 'flow.transition', 'flow.error'], flows: ['f1'] },
          { kind: 'flow.created', chain: null, kinds: null, flows: null },
          { kind: 'event.applied', chain: 'T-b', kinds: null, flows: null },
        ]);
        // The packed row's time is its latest entry's (what `rowSince` relies on).
        expect(rows[0]?.at).toEqual(new Date(AT.getTime() + 2));
        const packedId = rows[0]?.id ?? '';
        const entries = await store.db
          .selectFrom('audit_entries')
          .select(AUDIT_ENTRY_COLUMNS)
          .where('ticket_id', '=', 'T-a')
          .orderBy('row_id')
          .orderBy('ordinal')
          .execute();
        expect(entries.map((e) => e.id)).toEqual([1, 2, 3].map((n) => `${packedId}.${n}`));
        expect(entries.map(readAuditRow)).toEqual([applied('T-a', 0), transitionOfA, errorOfA]);
        expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, rows: 3, firstBreak: null });
      });

      it('find an entry changed inside a packed row, its kinds or flows changed, and the row deleted', async () => {
        await recordMixed();
        await appendTicketEntries(['T-a'], 1);
        const packed = sql`chain = 'T-a' and chain_seq = 1`;
        await tamper(store, sql`update audit_log set detail = jsonb_set(detail, '{entries,1,detail,to}', '"c"') where ${packed}`);
        expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'altered', seq: '1' });
        await tamper(store, sql`update audit_log set detail = jsonb_set(detail, '{entries,1,detail,to}', '"b"') where ${packed}`);
        expect((await verifyAuditChain(store.db)).ok).toBe(true);
        // Hiding the error from the flow-error indexes leaves the hash as it was: the check still finds it.
        await tamper(store, sql`update audit_log set kinds = array['event.applied', 'flow.transition'] where ${packed}`);
        expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'altered', seq: '1' });
        await tamper(
          store,
          sql`update audit_log set kinds = array['event.applied', 'flow.transition', 'flow.error'], flows = null where ${packed}`,
        );
        expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'altered', seq: '1' });
        await tamper(store, sql`delete from audit_log where ${packed}`);
        expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'missing', seq: '1', toSeq: '1' });
      });
    });

    it("refuses a row moved onto another ticket's chain", async () => {
      await appendTicketEntries(['T-a', 'T-b'], 1);
      await tamper(store, sql`update audit_log set chain = 'T-x' where chain = 'T-a'`);
      await sql`update audit_chain_heads set chain = 'T-x' where chain = 'T-a'`.execute(store.db);
      expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ reason: 'altered' });
    });
  });
});
