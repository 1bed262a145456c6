import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
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
import { backfillAnalytics } from './backfill-analytics';
import { recountAnalytics } from './recount-analytics';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;

/** Every rollup the live writes keep, the daily counts summed over their shards as the readers sum them (migration 0034). */
async function rollups(db: Kysely<Database>) {
  const n = sql<string>`sum(n)`.as('n');
  const total = sql<number>`sum(total)`.as('total');
  return {
    facts: await db.selectFrom('analytics_tickets').selectAll().orderBy('ticket_id').execute(),
    // A live write leaves a row at zero where a count went up and down again; history has nothing to say there.
    daily: (
      await db
        .selectFrom('analytics_daily')
        .select(['day', 'grp', 'channel', 'metric', 'key', n, total])
        .groupBy(['day', 'grp', 'channel', 'metric', 'key'])
        .orderBy('day')
        .orderBy('grp')
        .orderBy('channel')
        .orderBy('metric')
        .orderBy('key')
        .execute()
    ).filter((r) => Number(r.n) !== 0 || Number(r.total) !== 0),
    flow: await db
      .selectFrom('analytics_flow_daily')
      .select(['flow_id', 'day', 'version', 'metric', 'key', n, total])
      .groupBy(['flow_id', 'day', 'version', 'metric', 'key'])
      .orderBy('flow_id')
      .orderBy('day')
      .orderBy('version')
      .orderBy('metric')
      .orderBy('key')
      .execute(),
    open: await db.selectFrom('analytics_waits_open').selectAll().orderBy('ticket_id').orderBy('flow_id').execute(),
  };
}

/** What a database upgraded from before migration 0016 holds: history, and no rollups. */
async function forgetRollups(db: Kysely<Database>): Promise<void> {
  for (const table of [
    'analytics_tickets',
    'analytics_daily',
    'analytics_flow_daily',
    'analytics_waits_open',
    'analytics_rule_marks',
  ] as const)
    await db.deleteFrom(table).execute();
}

describe.each(testDatabases)('analytics backfill on $name', (target) => {
  const store = useTestDatabase(target);

  it('rebuilds from the history exactly the rollups the live writes kept, once', async () => {
    const clock = createManualClock('2026-12-01T22:00:00Z');
    const ctx: RuntimeContext = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: 'Desk', document: deskFlow() }, 'test');
    await publishVersion(ctx, 'desk', 'test');
    await deployVersion(ctx, 'desk', 1, 'test');
    const worker = createWorker(ctx);
    const random = seededRandom(2020);
    const pick = <T>(list: readonly T[], fallback: T): T => list[Math.floor(random() * list.length)] ?? fallback;
    const tickets: string[] = [];
    for (let step = 0; step < 60; step++) {
      const roll = random();
      const id = pick(tickets, undefined);
      if (roll < 0.3 || id === undefined) {
        const channel = pick(['chat', 'email', 'web'] as const, 'chat');
        tickets.push(
          (await createTicket(ctx, { channel, subject: `退款 ${step}`, body: '', customer: { id: `c${step % 5}` } }, 'test')).id,
        );
      } else if (roll < 0.5) await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: 'a1', body: '您好' }, 'test');
      else if (roll < 0.65)
        await postTicketEvent(ctx, id, { type: 'ticket.status', status: pick(['resolved', 'closed'] as const, 'closed') }, 'test');
      else if (roll < 0.75) await postTicketEvent(ctx, id, { type: 'survey.response', score: 1 + Math.floor(random() * 5) }, 'test');
      else clock.advance(Math.floor(random() * 120) * MINUTE);
      await worker.runUntilIdle();
    }
    const live = await rollups(store.db);
    expect(live.facts).toHaveLength(tickets.length);

    await forgetRollups(store.db);
    const batches: number[] = [];
    expect(await backfillAnalytics(store.db, { batchSize: 7, onBatch: (p) => batches.push(p.filled) })).toBe(tickets.length);
    expect(batches.at(-1)).toBe(tickets.length);
    expect(await rollups(store.db)).toEqual(live);
    const recount = await recountAnalytics(store.db);
    expect(recount.staleFacts).toEqual([]);
    expect(recount.daily.stored).toEqual(recount.daily.recounted);
    expect(recount.flow.stored).toEqual(recount.flow.recounted);

    // A second start finds nothing to fill and counts nothing twice.
    expect(await backfillAnalytics(store.db)).toBe(0);
    expect(await rollups(store.db)).toEqual(live);
  }, 120_000);
});
