import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/index';
import { claimEffects, deliverEffect } from './deliver-effects';
import { createFlowCache } from './flow-cache';
import { createTicket } from './create-ticket';
import { postTicketEvent } from './post-ticket-event';
import { processDueTickets } from './process-due-tickets';
import type { RuntimeContext } from './runtime-context';
import { workChannel } from './work-channel';
import { useSlaFlowSuite } from './__fixtures__/sla-flow-suite';
import { loadRoster } from '../catalog/load-roster';

/**
 * Issue 22: the hot writers (a posted event, a worker's batch, an effect's result, a creation batch) send no NOTIFY
 * inside their transactions (it serialised every commit in the database on PostgreSQL's
 * notification lock) and announce after commit instead; the live stream and the workers still
 * hear of every change, exactly once per write.
 */
describe.each(testDatabases)('announcing writes after commit on $name', (target) => {
  let ctx: RuntimeContext;
  const { store } = useSlaFlowSuite(target, { backoffMs: 1_000, maxAttempts: 3, timeoutMs: 2_000 }, (suite) => {
    ({ ctx } = suite);
  });

  /**
   * The notifications of the store's two channels (each on a connection of its own on PostgreSQL),
   * and a way to read those of one write: a marker notified on each channel after the write arrives
   * after everything the write announced there (a channel's notifications come in commit order).
   */
  async function listening() {
    const heard: string[] = [];
    const markers = new Map<string, () => void>();
    const channels = { ticket: `switchyard_tickets_${store.schema ?? 'public'}`, work: workChannel(store.schema) };
    const stops = await Promise.all(
      Object.entries(channels).map(([name, channel]) =>
        store.listen(channel, (payload) => {
          if (payload === 'marker') markers.get(channel)?.();
          else heard.push(name === 'work' ? 'work' : `ticket ${payload ?? ''}`);
        }),
      ),
    );
    return {
      /** What `write` got announced, once it resolved. */
      async of(write: () => Promise<unknown>): Promise<string[]> {
        heard.length = 0;
        await write();
        const marked = Object.values(channels).map((channel) => new Promise<void>((resolve) => markers.set(channel, resolve)));
        for (const channel of Object.values(channels)) await sql`select pg_notify(${channel}, 'marker')`.execute(store.db);
        await Promise.all(marked);
        return [...heard];
      },
      stop: () => Promise.all(stops.map((stop) => stop())),
    };
  }

  it('announces a posted event, a batch and an effect result once each, after commit; other writers through the trigger', async () => {
    const flows = createFlowCache(ctx.registry);
    const heard = await listening();
    try {
      let id = '';
      // Opening a ticket (a creation batch, a transaction of its own) is announced once, after commit, and wakes the workers.
      const opened = await heard.of(async () => {
        ({ id } = await createTicket(
          ctx,
          { channel: 'chat', subject: '咨询', body: '我的快递三天没有物流更新了', customer: { id: 'C1' } },
          'test',
        ));
      });
      expect(opened.sort()).toEqual([`ticket ${id}`, 'work']);

      // The batch changes the ticket (and queues the ERP call): one announcement, after commit.
      expect(await heard.of(() => processDueTickets(ctx, flows, 16))).toEqual([`ticket ${id}`]);

      // The effect's result goes to the ticket's inbox: workers and streams hear of it once.
      const [effect] = await claimEffects(ctx, 1);
      expect(effect?.ticket_id).toBe(id);
      const settled = await heard.of(() => deliverEffect(ctx, flows, effect!, () => loadRoster(ctx.db)));
      expect(settled.sort()).toEqual([`ticket ${id}`, 'work']);

      // A posted message: the same.
      const posted = await heard.of(() => postTicketEvent(ctx, id, { type: 'customer.message', body: '还没发货吗？' }, 'test'));
      expect(posted.sort()).toEqual([`ticket ${id}`, 'work']);

      // Any other change of a ticket row is still announced by the trigger.
      const other = await heard.of(() => store.db.updateTable('tickets').set({ priority: 'high' }).where('id', '=', id).execute());
      expect(other).toEqual([`ticket ${id}`]);
    } finally {
      await heard.stop();
    }
  });
});
