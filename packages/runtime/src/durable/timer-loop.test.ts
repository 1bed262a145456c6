import { compileFlow } from '@switchyard/compiler';
import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, EMPTY_ROSTER } from '@switchyard/nodes';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureFlow, fixtureTicket } from '../__fixtures__/fixture-flow';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { dryRun } from '../dry-run/dry-run';
import { MAX_TIMERS_AT_ONCE, TIMER_LOOP_MESSAGES } from '../engine/timer-loop-guard';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import { claimEffects, deliverEffect } from './deliver-effects';
import { createFlowCache } from './flow-cache';
import { postTicketEvent } from './post-ticket-event';
import { processDueTickets } from './process-due-tickets';
import type { RuntimeContext } from './runtime-context';
import { runtimeStats } from './runtime-stats';
import { ticketHistory } from './ticket-history';
import { getTicket } from './ticket-views';

const registry = createNodeRegistry(builtinNodes);
const HOUR = 3_600_000;
const CREATED_AT = '2026-03-02T01:00:00.000Z';

/** A deadline counted from creation that loops back through a side effect: each round waits for its notify in another transaction. */
const notifyLoop = fixtureFlow(
  'notify-loop',
  {
    start: 'ticket_created',
    wait: ['wait_for_event', { event: 'agent.reply', timeout: '2h', from: 'ticket_created' }],
    ping: ['notify', { to: 'group', via: 'im', template: '工单仍未回复' }],
    rescue: 'customer_message',
    heard: ['add_tag', { tag: 'heard' }],
  },
  ['start -> wait', 'wait.timeout -> ping', 'ping -> wait', 'rescue -> heard'],
);

describe.each(testDatabases)('a durable timer loop through a side effect on $name', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  const clock = createManualClock(CREATED_AT);
  const flows = createFlowCache(registry);

  beforeAll(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: notifyLoop.name, document: FlowDocument.parse(notifyLoop) }, 'test');
    await deployVersion(ctx, notifyLoop.id, (await publishVersion(ctx, notifyLoop.id, 'test')).version, 'test', 0);
  });

  /** Runs due tickets and effects until none is left; a loop that never ends fails here instead of hanging the test. */
  const runUntilIdle = async (maxRounds = 400) => {
    for (let round = 0; round < maxRounds; round++) {
      const processed = await processDueTickets(ctx, flows);
      const effects = await claimEffects(ctx, 16);
      for (const row of effects) await deliverEffect(ctx, flows, row, async () => EMPTY_ROSTER);
      if (processed === 0 && effects.length === 0) return;
    }
    throw new Error(`still busy after ${maxRounds} rounds: the loop was not stopped`);
  };

  it('stops after as many notifies as the dry-run, records the error, and leaves nothing due (it notified for ever: bug)', async () => {
    const createdAt = Date.parse(CREATED_AT);
    clock.set(new Date(createdAt));
    const { id } = await createTicket(ctx, { channel: 'chat', subject: '咨询', body: '在吗', customer: { id: 'C1' } }, 'test');
    await runUntilIdle();
    clock.set(new Date(createdAt + 2 * HOUR));
    await runUntilIdle();
    clock.set(new Date(createdAt + 3 * HOUR));
    await postTicketEvent(ctx, id, { type: 'customer.message', body: '有人吗' }, 'test');
    await runUntilIdle();

    const sample = fixtureTicket('t1', { createdAt: CREATED_AT, events: [{ at: '+3h', type: 'customer.message', body: '有人吗' }] });
    const [expected] = await dryRun([compileFlow(notifyLoop, registry)], [sample], { registry, roster: EMPTY_ROSTER });
    expect(expected!.actions.filter((a) => a.node === 'ping')).toHaveLength(MAX_TIMERS_AT_ONCE);

    const history = (await ticketHistory(store.db, id))!;
    const actions = history.filter((h) => h.kind === 'action').map((h) => ({ at: h.at, node: (h.detail as { node: string }).node }));
    expect(actions).toEqual(expected!.actions.map(({ at, node }) => ({ at, node })));
    const errors = history
      .filter((h) => h.kind === 'flow.error')
      .map((h) => ({ at: h.at, ...(h.detail as { node: string; message: string }) }));
    expect(errors).toEqual([{ at: new Date(createdAt + 2 * HOUR).toISOString(), node: 'wait', message: TIMER_LOOP_MESSAGES.instant }]);
    expect(errors).toEqual(expected!.errors.map(({ at, node, message }) => ({ at, node, message })));
    expect((await getTicket(store.db, id))?.tags).toEqual(expected!.final.tags);

    expect(await store.db.selectFrom('timers').select('timer_id').where('ticket_id', '=', id).execute()).toEqual([]);
    expect(await store.db.selectFrom('tickets').select('wake_at').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      wake_at: null,
    });
    clock.set(new Date(createdAt + 30 * 24 * HOUR));
    expect(await runtimeStats(store.db, clock.now())).toMatchObject({
      ticketsDue: 0,
      eventsPending: 0,
      timersScheduled: 0,
      effects: { pending: 0, running: 0, done: MAX_TIMERS_AT_ONCE, dead: 0 },
    });
  });
});
