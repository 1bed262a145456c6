import type { TestHttpServer } from '@switchyard/nodes/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import { effectOutcomeShape, effectRequestShape, effectResultShape, ticketEventShape } from '../db/stored/effect-shapes';
import { flowSnapshotShape } from '../db/stored/flow-snapshot-shape';
import { flowVisitsShape } from '../db/stored/flow-visits-shape';
import { readStored } from '../db/stored/read-stored';
import { StoredDataError } from '../db/stored/stored-data-error';
import type { StoredShape } from '../db/stored/stored-shape';
import { STORED_VERSION_KEY } from '../db/stored/stored-shape';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import { testDatabases } from '../testing/index';
import { createTicket } from './create-ticket';
import { postTicketEvent } from './post-ticket-event';
import type { RuntimeContext } from './runtime-context';
import { ticketHistory } from './ticket-history';
import { getTicket } from './ticket-views';
import { useSlaFlowSuite } from './__fixtures__/sla-flow-suite';
import type { Worker } from './worker';

/** Read through the shape, written again: the same JSON as the row (nothing lost, nothing added). */
function roundTrips<T extends object>(shape: StoredShape<string, T>, raw: unknown, key: string): void {
  expect(raw).toMatchObject({ [STORED_VERSION_KEY]: shape.version });
  expect(JSON.parse(shape.json(readStored(shape, raw, { table: 't', key })))).toEqual(raw);
}

describe.each(testDatabases)('stored JSON rows on $name', (target) => {
  let erp: TestHttpServer;
  let ctx: RuntimeContext;
  let worker: Worker;
  const { store, clock } = useSlaFlowSuite(target, { backoffMs: 1_000, maxAttempts: 2, timeoutMs: 2_000 }, (suite) => {
    ({ ctx, worker, erp } = suite);
  });

  const openTicket = (body: string) =>
    createTicket(ctx, { channel: 'chat', subject: '咨询', body, customer: { id: 'C1', name: '王女士' } }, 'test');
  const faultOf = async (id: string) =>
    (await ticketHistory(store.db, id))?.find((h) => h.kind === 'ticket.fault')?.detail as { message: string } | undefined;

  it('writes every stored shape with its version, and reads each back as written', async () => {
    const { id } = await openTicket('我的快递三天没有物流更新了');
    await worker.runUntilIdle();
    await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: 'li-na', body: '您好' }, 'test');
    await worker.runUntilIdle();

    const [version] = await store.db.selectFrom('flow_versions').select('compiled').execute();
    roundTrips(compiledFlowShape, version?.compiled, 'sla-test@1');
    const ticket = await store.db.selectFrom('tickets').select('stats').where('id', '=', id).executeTakeFirstOrThrow();
    roundTrips(ticketStatsShape, ticket.stats, id);
    expect(readStored(ticketStatsShape, ticket.stats, { table: 'tickets', key: id })).toMatchObject({
      agentReplies: 1,
      firstAgentReplyAt: clock.now().toISOString(),
    });
    const flow = await store.db
      .selectFrom('ticket_flows')
      .select(['snapshot', 'visits'])
      .where('ticket_id', '=', id)
      .executeTakeFirstOrThrow();
    roundTrips(flowSnapshotShape, flow.snapshot, id);
    roundTrips(flowVisitsShape, flow.visits, id);
    expect(readStored(flowVisitsShape, flow.visits, { table: 'ticket_flows', key: id })).toMatchObject({ 'notify-erp': 1, ack: 1 });
    const events = await store.db
      .selectFrom('ticket_events')
      .select(['id', 'type', 'payload'])
      .where('ticket_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['ticket.created', 'effect.done', 'effect.done', 'agent.reply']);
    for (const e of events) {
      if (e.type.startsWith('effect.')) roundTrips(effectResultShape, e.payload, e.id);
      else roundTrips(ticketEventShape, e.payload, e.id);
    }
    const effects = await store.db.selectFrom('outbox').select(['id', 'request', 'result']).where('ticket_id', '=', id).execute();
    expect(effects).toHaveLength(2);
    for (const e of effects) {
      roundTrips(effectRequestShape, e.request, e.id);
      roundTrips(effectOutcomeShape, e.result, e.id);
    }
  });

  it('reads rows stored before versions were recorded (version 0) and lifts them to the current shape', async () => {
    const { id } = await openTicket('物流查询');
    await worker.runUntilIdle();
    // As an older runtime wrote them: no version field, and stats from before agentReplies and firstAgentReplyAt were counted.
    await sql`update tickets set stats = '{"customerMessages": 1, "recentMessages": ["咨询"]}'::jsonb where id = ${id}`.execute(store.db);
    await sql`update ticket_flows set snapshot = snapshot - ${STORED_VERSION_KEY}, visits = visits - ${STORED_VERSION_KEY} where ticket_id = ${id}`.execute(
      store.db,
    );
    expect((await getTicket(store.db, id))?.stats).toEqual({
      customerMessages: 1,
      agentReplies: 0,
      recentMessages: ['咨询'],
      firstAgentReplyAt: null,
    });

    clock.advance(60_000);
    await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: 'li-na', body: '您好' }, 'test');
    await sql`update ticket_events set payload = payload - ${STORED_VERSION_KEY} where ticket_id = ${id} and applied_at is null`.execute(
      store.db,
    );
    await worker.runUntilIdle();
    expect(await faultOf(id)).toBeUndefined();
    expect((await getTicket(store.db, id))?.stats).toMatchObject({
      customerMessages: 1,
      agentReplies: 1,
      firstAgentReplyAt: clock.now().toISOString(),
    });
    // The wait on the snapshot read as version 0 was left: the agent's reply cancelled its timer.
    expect(await store.db.selectFrom('timers').where('ticket_id', '=', id).select('timer_id').execute()).toEqual([]);
    const rows = await store.db
      .selectFrom('tickets')
      .innerJoin('ticket_flows', 'ticket_flows.ticket_id', 'tickets.id')
      .select(['stats', 'snapshot'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([rows.stats, rows.snapshot]).toEqual([
      expect.objectContaining({ [STORED_VERSION_KEY]: 1 }),
      expect.objectContaining({ [STORED_VERSION_KEY]: 1 }),
    ]);
  });

  it('puts aside a ticket whose stats row is corrupt, naming the table, row and field, and goes on with the others', async () => {
    const broken = await openTicket('物流');
    const healthy = await openTicket('快递');
    await worker.runUntilIdle();
    await sql`update tickets set stats = jsonb_set(stats, '{customerMessages}', '"many"') where id = ${broken.id}`.execute(store.db);
    await postTicketEvent(ctx, broken.id, { type: 'agent.reply', agentId: 'li-na', body: '好的' }, 'test');
    await postTicketEvent(ctx, healthy.id, { type: 'agent.reply', agentId: 'li-na', body: '好的' }, 'test');
    await worker.runUntilIdle();
    expect((await faultOf(broken.id))?.message).toMatch(
      new RegExp(`^stored ticket-stats in tickets row ${broken.id} is invalid at customerMessages: `),
    );
    const pending = await store.db
      .selectFrom('ticket_events')
      .select('type')
      .where('ticket_id', '=', broken.id)
      .where('applied_at', 'is', null)
      .execute();
    expect(pending).toEqual([{ type: 'agent.reply' }]);
    expect((await getTicket(store.db, healthy.id))?.stats.agentReplies).toBe(1);
  });

  it('reads a ticket whose text column holds a value no code writes as a StoredDataError naming table, row and column', async () => {
    const { id } = await openTicket('物流');
    await sql`update tickets set priority = 'whenever' where id = ${id}`.execute(store.db);
    await expect(getTicket(store.db, id)).rejects.toThrow(new RegExp(`^stored priority in tickets row ${id} is invalid at priority: `));
    await expect(getTicket(store.db, id)).rejects.toBeInstanceOf(StoredDataError);
  });

  it('reports a corrupt event payload with its table and id instead of applying it', async () => {
    const { id } = await openTicket('物流');
    await worker.runUntilIdle();
    const { eventId } = await postTicketEvent(ctx, id, { type: 'agent.reply', agentId: 'li-na', body: '好的' }, 'test');
    await sql`update ticket_events set payload = payload - 'agentId' where id = ${eventId}`.execute(store.db);
    await worker.runUntilIdle();
    expect((await faultOf(id))?.message).toMatch(
      new RegExp(`^stored ticket-event in ticket_events row ${eventId} is invalid at agentId: `),
    );
  });

  it('dead-letters an effect whose stored request is corrupt, with the outbox row in its error, and the flow hears of it', async () => {
    // Every effect's request loses its ticket on its way into the outbox.
    await sql`create function corrupt_request() returns trigger language plpgsql as $$ begin new.request := new.request - 'ticket'; return new; end $$`.execute(
      store.db,
    );
    await sql`create trigger corrupt_request before insert on outbox for each row execute function corrupt_request()`.execute(store.db);
    try {
      const { id } = await openTicket('物流');
      await worker.runUntilIdle();
      clock.advance(1_500);
      await worker.runUntilIdle();
      const [effect] = await store.db
        .selectFrom('outbox')
        .select(['id', 'node_id', 'status', 'last_error'])
        .where('ticket_id', '=', id)
        .execute();
      expect(effect).toMatchObject({ node_id: 'notify-erp', status: 'dead' });
      expect(effect?.last_error).toMatch(new RegExp(`^stored effect-request in outbox row ${effect?.id} is invalid at ticket: `));
      expect(erp.requests.filter((r) => (r.body as { ticket?: string } | undefined)?.ticket === id)).toEqual([]);
      expect((await getTicket(store.db, id))?.flags).toContain('effect_failed');
      expect(await faultOf(id)).toBeUndefined();
    } finally {
      await sql`drop trigger corrupt_request on outbox`.execute(store.db);
      await sql`drop function corrupt_request()`.execute(store.db);
    }
  });
});
