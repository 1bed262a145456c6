import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { nodeTickets } from '../analytics/node-tickets';
import { AUDIT_ENTRY_COLUMNS } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import { recordAudit } from '../audit/record-audit';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { ticketTrace } from '../console/ticket-trace';
import { testDatabases } from '../testing/index';
import { useSlaFlowSuite } from './__fixtures__/sla-flow-suite';
import { createTicket } from './create-ticket';
import { listFlowErrors } from './list-flow-errors';
import { postTicketEvent } from './post-ticket-event';
import type { RuntimeContext } from './runtime-context';
import { ticketHistory } from './ticket-history';
import { createWorker, type Worker } from './worker';

/**
 * Issue 22, migration 0033: the entries a worker's batch makes to a ticket are one audit row, and
 * every reader sees the same entries as when each was a row of its own.
 */
describe.each(testDatabases)('packed audit rows on $name', (target) => {
  let ctx: RuntimeContext;
  let worker: Worker;
  const { store } = useSlaFlowSuite(target, { backoffMs: 1_000, maxAttempts: 5, timeoutMs: 2_000 }, (suite) => {
    ({ ctx, worker } = suite);
  });

  const open = async (body: string) =>
    (await createTicket(ctx, { channel: 'chat', subject: '咨询', body, customer: { id: 'C1', name: '王女士' } }, 'test')).id;
  /** The ticket's rows: kind, entries held, and the transaction that wrote each (`xmin`). */
  const rowsOf = async (ticketId: string) =>
    (
      await sql<{ kind: string; entries: number; tx: string }>`
        select kind, case when kind = 'packed' then jsonb_array_length(detail->'entries') else 1 end as entries, xmin::text as tx
        from audit_log where ticket_id = ${ticketId} order by id`.execute(store.db)
    ).rows;

  it('write one audit row per ticket for each transaction that applies its events, holding all its entries', async () => {
    const id = await open('快递还没到');
    await worker.runUntilIdle();
    await postTicketEvent(ctx, id, { type: 'customer.message', body: '到哪了？' }, 'customer');
    await worker.runUntilIdle();
    const rows = await rowsOf(id);
    // Never two rows of one ticket from one transaction.
    expect(new Set(rows.map((r) => r.tx)).size).toBe(rows.length);
    expect(rows.some((r) => r.kind === 'packed' && r.entries > 1)).toBe(true);
    const entries = await store.db.selectFrom('audit_entries').select('kind').where('ticket_id', '=', id).execute();
    expect(entries.length).toBe(rows.reduce((n, r) => n + r.entries, 0));
    expect(entries.filter((e) => e.kind === 'event.applied')).toHaveLength(2);
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it('read the same history, trace, flow errors and node tickets as when each entry was a row', async () => {
    // A ticket whose call is refused: a dead effect and a flow error, applied by a worker (packed rows).
    const refusing = createWorker({ ...ctx, httpAllow: [] }, { delivery: { backoffMs: 1_000, maxAttempts: 5, timeoutMs: 2_000 } });
    const packed = await open('快递丢了');
    try {
      await refusing.runUntilIdle();
    } finally {
      await refusing.stop();
    }
    expect((await rowsOf(packed)).some((r) => r.kind === 'packed')).toBe(true);
    // The same entries on a second ticket of the same flows, written the way they were before migration 0033: a row each.
    const single = await open('快递丢了');
    const written = await store.db
      .selectFrom('audit_entries')
      .select(AUDIT_ENTRY_COLUMNS)
      .where('ticket_id', '=', packed)
      .where('kind', '<>', 'ticket.created')
      .orderBy('row_id')
      .orderBy('ordinal')
      .execute();
    const retarget = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(packed, single)) as T;
    for (const entry of written.map(readAuditRow))
      await store.db.transaction().execute((trx) => recordAudit(trx, { ...retarget(entry), at: entry.at, ticketId: single }));
    expect((await rowsOf(single)).every((r) => r.kind !== 'packed')).toBe(true);

    const history = async (id: string) => ((await ticketHistory(store.db, id)) ?? []).slice(1).map(({ id: _, ...line }) => line);
    const packedHistory = await history(packed);
    expect(packedHistory.length).toBeGreaterThan(3);
    expect(retarget(packedHistory)).toEqual(await history(single));
    // Ids stay unique and in order: a packed row's entries are `<row id>.<n>`.
    const ids = ((await ticketHistory(store.db, packed)) ?? []).map((line) => line.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((lineId) => /^\d+\.\d+$/.test(lineId))).toBe(true);

    const steps = async (id: string) => (await ticketTrace(store.db, id)).flows.map((f) => f.steps);
    expect(retarget(await steps(packed))).toEqual(await steps(single));

    const errors = await listFlowErrors(store.db);
    expect(errors.map((e) => e.ticketId).sort()).toEqual([packed, single].sort());
    const [fromPacked, fromSingle] = [packed, single].map((id) => errors.find((e) => e.ticketId === id));
    expect(fromPacked && { ...fromPacked, id: '', ticketId: '' }).toEqual(fromSingle && { ...fromSingle, id: '', ticketId: '' });
    const since = fromPacked?.at ?? '';
    expect(await listFlowErrors(store.db, { flowId: 'sla-test', since })).toHaveLength(2);
    expect(await listFlowErrors(store.db, { flowId: 'another', since })).toEqual([]);
    expect(await listFlowErrors(store.db, { since: new Date(Date.parse(since) + 1).toISOString() })).toEqual([]);

    const entered = await nodeTickets(ctx, 'sla-test', { node: 'set-logistics', from: '2026-05-01', to: '2026-05-01' });
    expect(entered.tickets.map((t) => t.id).sort()).toEqual([packed, single].sort());
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });
});
