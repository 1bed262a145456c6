import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { StoredDataError } from '../db/stored/stored-data-error';
import { RuntimeInputError } from '../errors';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket, createTicketOnce } from './create-ticket';
import { IDEMPOTENCY_KEY_TTL_MS, idempotent } from './idempotency';
import { eventAcceptedAnswerShape } from '../db/stored/idempotent-answer-shapes';
import { postTicketEvent, postTicketEventOnce } from './post-ticket-event';
import { createWorker } from './worker';

const ticket = { channel: 'chat', subject: '物流', body: '快递三天没动了', customer: { id: 'C1' } } as const;
const message = { type: 'customer.message', body: '还没发货吗？' } as const;
const KEY = '5f0c6c1e-8f5e-4d7c-9a44-2b8f1f0f6a11';

describe.each(testDatabases)('idempotency keys on $name', (target) => {
  const store = useTestDatabase(target);
  const context = () => ({
    db: store.db,
    registry: createNodeRegistry(builtinNodes),
    clock: createManualClock('2026-04-01T08:00:00Z'),
    logger: pino({ level: 'silent' }),
  });
  const count = async (table: 'tickets' | 'idempotency_keys') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const messages = async (ticketId: string) =>
    (
      await store.db
        .selectFrom('ticket_events')
        .select('id')
        .where('ticket_id', '=', ticketId)
        .where('type', '=', 'customer.message')
        .execute()
    ).length;
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error instanceof RuntimeInputError ? { status: error.status, details: error.details } : error),
    );

  it('opens one ticket for a retry with the same key and answers it again', async () => {
    const ctx = context();
    const first = await createTicketOnce(ctx, ticket, 'test', KEY);
    // The same body with its keys in another order is the same request.
    const retry = await createTicketOnce(ctx, { customer: { id: 'C1' }, body: ticket.body, subject: '物流', channel: 'chat' }, 'test', KEY);
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(retry).toEqual({ body: first.body, status: 201, replayed: true });
    expect(await count('tickets')).toBe(1);
    expect(await count('idempotency_keys')).toBe(1);
  });

  it('applies a message once for a retry with the same key; without a key, two posts are two messages', async () => {
    const ctx = context();
    const { id } = await createTicket(ctx, ticket, 'test');
    const first = await postTicketEventOnce(ctx, id, message, 'test', KEY);
    const retry = await postTicketEventOnce(ctx, id, message, 'test', KEY);
    expect(retry).toEqual({ body: first.body, status: 202, replayed: true });
    expect(await messages(id)).toBe(1);
    await postTicketEvent(ctx, id, message, 'test');
    await postTicketEventOnce(ctx, id, message, 'test', undefined);
    expect(await messages(id)).toBe(3);
    // A key is the ticket's: the same key on another ticket is another request.
    const other = await createTicket(ctx, ticket, 'test');
    expect(await postTicketEventOnce(ctx, other.id, message, 'test', KEY)).toMatchObject({ replayed: false });
  });

  it('refuses the same key with another body (422 naming the header) and writes nothing', async () => {
    const ctx = context();
    await createTicketOnce(ctx, ticket, 'test', KEY);
    const refused = await refusal(createTicketOnce(ctx, { ...ticket, subject: '退款' }, 'test', KEY));
    expect(refused).toMatchObject({ status: 422, details: [{ path: 'Idempotency-Key' }] });
    expect(JSON.stringify(refused)).toContain('this Idempotency-Key was already used with another request body');
    expect(await count('tickets')).toBe(1);

    const { id } = await createTicket(ctx, ticket, 'test');
    await postTicketEventOnce(ctx, id, message, 'test', KEY);
    expect(await refusal(postTicketEventOnce(ctx, id, { ...message, body: '在吗' }, 'test', KEY))).toMatchObject({ status: 422 });
    expect(await messages(id)).toBe(1);
    expect(await refusal(postTicketEventOnce(ctx, id, message, 'test', 'bad\nkey'))).toMatchObject({
      status: 400,
      details: [{ path: 'Idempotency-Key' }],
    });
  });

  it('writes once for concurrent requests with one key: the others wait for it and replay its answer', async () => {
    const ctx = context();
    const { id } = await createTicket(ctx, ticket, 'test');
    const posts = await Promise.all(Array.from({ length: 6 }, () => postTicketEventOnce(ctx, id, message, 'test', KEY)));
    expect(await messages(id)).toBe(1);
    expect(new Set(posts.map((p) => p.body.eventId)).size).toBe(1);
    expect(posts.filter((p) => !p.replayed)).toHaveLength(1);
    const opened = await Promise.all(Array.from({ length: 6 }, () => createTicketOnce(ctx, ticket, 'test', 'open-once')));
    expect(new Set(opened.map((p) => p.body.id)).size).toBe(1);
    expect(await count('tickets')).toBe(2);
  });

  it('forgets a key after 24 h: the key opens a new ticket, and the worker deletes expired keys', async () => {
    const ctx = context();
    const first = await createTicketOnce(ctx, ticket, 'test', KEY);
    ctx.clock.advance(IDEMPOTENCY_KEY_TTL_MS - 1);
    expect(await createTicketOnce(ctx, ticket, 'test', KEY)).toMatchObject({ replayed: true });
    ctx.clock.advance(1);
    const again = await createTicketOnce(ctx, { ...ticket, subject: '另一件事' }, 'test', KEY);
    expect(again).toMatchObject({ replayed: false });
    expect(again.body.id).not.toBe(first.body.id);
    expect(await count('tickets')).toBe(2);

    await createTicketOnce(ctx, ticket, 'test', 'another-key');
    ctx.clock.advance(IDEMPOTENCY_KEY_TTL_MS);
    await createWorker(ctx).runUntilIdle();
    expect(await count('idempotency_keys')).toBe(0);
  });

  it('keeps the first answer as a versioned stored shape, and names the row of a corrupt one instead of replaying it', async () => {
    const ctx = context();
    const { body } = await createTicketOnce(ctx, ticket, 'test', KEY);
    const row = await store.db.selectFrom('idempotency_keys').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ scope: 'POST /api/tickets', key: KEY, status: 201, response: { ...body, $v: 1 } });
    await sql`update idempotency_keys set response = '{"$v": 1, "id": 5}'::jsonb`.execute(store.db);
    const error = await createTicketOnce(ctx, ticket, 'test', KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredDataError);
    expect(String(error)).toContain('idempotency_keys');
  });

  it('makes a second request with the key wait for the first: replayed once it commits, written when it rolls back', async () => {
    const now = new Date('2026-04-01T08:00:00Z');
    const claim = { scope: 'test', key: 'k', request: { n: 1 }, now };
    /** The first request, holding its key until `finish` is called (and rolling back when told to). */
    const holdFirst = async (eventId: string) => {
      let finish: (rollBack: boolean) => void = () => {};
      const finished = new Promise<boolean>((resolve) => (finish = resolve));
      let claimed: () => void = () => {};
      const hasClaimed = new Promise<void>((resolve) => (claimed = resolve));
      const first = store.db.transaction().execute((trx) =>
        idempotent(trx, eventAcceptedAnswerShape, claim, 202, async () => {
          claimed();
          if (await finished) throw new Error('rolled back');
          return { eventId };
        }),
      );
      await hasClaimed;
      return { first, finish };
    };
    // On PostgreSQL the second is seen waiting on the key's row; PGlite's one connection queues it anyway.
    const secondIsWaiting = async () => {
      if (target.name !== 'postgres') return;
      for (let tries = 0; tries < 500; tries++) {
        const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like '%idempotency_keys%'`.execute(store.db);
        if (Number(rows[0]?.n) > 0) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
      throw new Error('the second request never waited for the first');
    };
    const second = (eventId: string) =>
      store.db.transaction().execute((trx) => idempotent(trx, eventAcceptedAnswerShape, claim, 202, async () => ({ eventId })));

    const committed = await holdFirst('first');
    const replayed = second('second');
    await secondIsWaiting();
    committed.finish(false);
    expect(await committed.first).toMatchObject({ body: { eventId: 'first' }, replayed: false });
    expect(await replayed).toEqual({ body: { eventId: 'first' }, status: 202, replayed: true });

    await store.db.deleteFrom('idempotency_keys').execute();
    const rolledBack = await holdFirst('first');
    const written = second('second');
    await secondIsWaiting();
    rolledBack.finish(true);
    await expect(rolledBack.first).rejects.toThrow('rolled back');
    expect(await written).toEqual({ body: { eventId: 'second' }, status: 202, replayed: false });
  });
});
