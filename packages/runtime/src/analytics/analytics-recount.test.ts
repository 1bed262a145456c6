import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/record-audit';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import type { Database } from '../db/schema';
import { createTicket } from '../durable/create-ticket';
import { postTicketEvent } from '../durable/post-ticket-event';
import type { RuntimeContext } from '../durable/runtime-context';
import { createWorker } from '../durable/worker';
import { seededRandom, testDatabases, useTestDatabase } from '../testing/index';
import { deskFlow } from './__fixtures__/desk-flow';
import { recountAnalytics } from './recount-analytics';
import type { Kysely } from 'kysely';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;
const CHANNELS = ['chat', 'email', 'web', 'phone', 'social'] as const;

async function expectRecountEqual(db: Kysely<Database>): Promise<void> {
  const recount = await recountAnalytics(db);
  expect(recount.staleFacts).toEqual([]);
  expect(recount.daily.stored).toEqual(recount.daily.recounted);
  expect(recount.flow.stored).toEqual(recount.flow.recounted);
}

/** Every rollup row, to compare before and after a rolled-back transaction. */
async function snapshot(db: Kysely<Database>) {
  return {
    facts: await db.selectFrom('analytics_tickets').selectAll().orderBy('ticket_id').execute(),
    daily: await db.selectFrom('analytics_daily').selectAll().orderBy(['day', 'grp', 'channel', 'metric', 'key']).execute(),
    flow: await db.selectFrom('analytics_flow_daily').selectAll().orderBy(['flow_id', 'day', 'version', 'metric', 'key']).execute(),
    open: await db.selectFrom('analytics_waits_open').selectAll().orderBy(['ticket_id', 'flow_id']).execute(),
  };
}

describe.each(testDatabases)('analytics rollups against a full recount on $name', (target) => {
  const store = useTestDatabase(target);

  async function setUp() {
    const clock = createManualClock('2026-12-01T23:00:00Z');
    const ctx: RuntimeContext = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: 'Desk', document: deskFlow() }, 'test');
    await publishVersion(ctx, 'desk', 'test');
    await deployVersion(ctx, 'desk', 1, 'test');
    return { ctx, clock, worker: createWorker(ctx) };
  }

  it('agrees after a seeded random run of tickets, replies, statuses, surveys, timeouts and people moving tickets', async () => {
    const { ctx, clock, worker } = await setUp();
    const random = seededRandom(1919);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
    const tickets: string[] = [];
    for (let step = 0; step < 120; step++) {
      const roll = random();
      const id = tickets.length > 0 ? pick(tickets) : undefined;
      if (roll < 0.25 || id === undefined) {
        tickets.push(
          (await createTicket(ctx, { channel: pick(CHANNELS), subject: `第${step}号`, body: '', customer: { id: `c${step % 7}` } }, 'test'))
            .id,
        );
      } else if (roll < 0.45) {
        await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: pick(['a1', 'a2']), body: '好的' }, 'test');
      } else if (roll < 0.6) {
        await postTicketEvent(ctx, id, { type: 'ticket.status', status: pick(['processing', 'resolved', 'closed'] as const) }, 'test');
      } else if (roll < 0.7) {
        await postTicketEvent(ctx, id, { type: 'survey.response', score: 1 + Math.floor(random() * 5) }, 'test');
      } else if (roll < 0.8) {
        const now = clock.now();
        await store.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('tickets')
            .set(random() < 0.5 ? { group: pick(['finance', 'tech_support']) } : { category: pick(['billing', 'fault']) })
            .where('id', '=', id)
            .execute();
          await recordAudit(trx, {
            at: now,
            actor: 'li-na',
            ticketId: id,
            flowId: null,
            kind: 'event.received',
            detail: { eventId: `p${step}`, event: { type: 'customer.message', body: '改' } },
          });
        });
      } else {
        clock.advance(Math.floor(random() * 90) * MINUTE);
      }
      if (random() < 0.5) await worker.runUntilIdle();
    }
    await worker.runUntilIdle();
    await expectRecountEqual(store.db);
    const count = await store.db
      .selectFrom('analytics_flow_daily')
      .select(sql<string>`count(distinct day)`.as('days'))
      .executeTakeFirstOrThrow();
    // The clock crossed midnight: counters spread over days.
    expect(Number(count.days)).toBeGreaterThan(1);
  }, 180_000);

  it('leaves rollups untouched when the transaction that audits rolls back, and a killed worker batch too', async () => {
    const { ctx, clock, worker } = await setUp();
    const a = await createTicket(ctx, { channel: 'chat', subject: '快递', body: '', customer: { id: 'c1' } }, 'test');
    const b = await createTicket(ctx, { channel: 'email', subject: '发票', body: '', customer: { id: 'c2' } }, 'test');
    await worker.runUntilIdle();
    const before = await snapshot(store.db);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.updateTable('tickets').set({ status: 'closed', group: 'finance' }).where('id', '=', a.id).execute();
        await recordAudit(trx, {
          at: clock.now(),
          actor: 'li-na',
          ticketId: a.id,
          flowId: null,
          kind: 'event.received',
          detail: { eventId: 'x', event: { type: 'survey.response', score: 5 } },
        });
        throw new Error('the process died here');
      }),
    ).rejects.toThrow('the process died here');
    expect(await snapshot(store.db)).toEqual(before);

    // A worker's batch dies at its last statement (the audit append) for ticket b: the batch rolls back whole,
    // the worker retries ticket by ticket and puts b aside; a's work commits with its rollups.
    await sql`create function analytics_test_die() returns trigger language plpgsql as $$
      begin if new.ticket_id = ${sql.lit(b.id)} and (new.kind = 'flow.transition' or new.kinds @> array['flow.transition']) then raise exception 'killed mid-batch'; end if; return new; end $$`.execute(
      store.db,
    );
    await sql`create trigger analytics_test_die before insert on audit_log for each row execute function analytics_test_die()`.execute(
      store.db,
    );
    try {
      clock.advance(10 * MINUTE);
      await postTicketEvent(ctx, a.id, { type: 'agent.reply', agentId: 'a1', body: '您好' }, 'test');
      await postTicketEvent(ctx, b.id, { type: 'agent.reply', agentId: 'a1', body: '您好' }, 'test');
      await worker.runUntilIdle();
    } finally {
      await sql`drop trigger analytics_test_die on audit_log`.execute(store.db);
      await sql`drop function analytics_test_die()`.execute(store.db);
    }
    const facts = await store.db.selectFrom('analytics_tickets').select(['ticket_id', 'status']).orderBy('ticket_id').execute();
    expect(facts.find((f) => f.ticket_id === a.id)?.status).toBe('resolved');
    expect(facts.find((f) => f.ticket_id === b.id)?.status).toBe(before.facts.find((f) => f.ticket_id === b.id)?.status);
    await expectRecountEqual(store.db);
  }, 120_000);
});
