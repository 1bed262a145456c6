import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import { wakeTicket } from './work-channel';

describe.each(testDatabases)('wakeTicket on $name', (target) => {
  const store = useTestDatabase(target);
  const clock = createManualClock('2026-04-01T08:00:00Z');

  const wakeAt = async (id: string) =>
    (await store.db.selectFrom('tickets').select('wake_at').where('id', '=', id).executeTakeFirstOrThrow()).wake_at;
  const setWakeAt = (id: string, at: Date | null) => store.db.updateTable('tickets').set({ wake_at: at }).where('id', '=', id).execute();

  it('makes a ticket due now, keeps an earlier wake, and says when there is no such ticket', async () => {
    const ctx = { db: store.db, registry: createNodeRegistry(builtinNodes), clock, logger: pino({ level: 'silent' }) };
    const { id } = await createTicket(ctx, { channel: 'chat', subject: '咨询', body: '在吗', customer: { id: 'C1' } }, 'test');
    const now = new Date('2026-04-01T09:00:00Z');
    const earlier = new Date('2026-04-01T08:30:00Z');

    await setWakeAt(id, null);
    expect(await store.db.transaction().execute((trx) => wakeTicket(trx, id, now))).toMatchObject({
      id,
      channel: 'chat',
      customer_id: 'C1',
    });
    expect(await wakeAt(id)).toEqual(now);

    await setWakeAt(id, new Date('2026-04-02T00:00:00Z'));
    await store.db.transaction().execute((trx) => wakeTicket(trx, id, now));
    expect(await wakeAt(id)).toEqual(now);

    await setWakeAt(id, earlier);
    await store.db.transaction().execute((trx) => wakeTicket(trx, id, now));
    expect(await wakeAt(id)).toEqual(earlier);

    expect(await store.db.transaction().execute((trx) => wakeTicket(trx, 'no-such-ticket', now))).toBeUndefined();
  });
});
