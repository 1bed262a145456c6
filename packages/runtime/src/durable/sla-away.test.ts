import { compileFlow } from '@switchyard/compiler';
import { FlowDocument, type TicketEvent } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, EMPTY_ROSTER } from '@switchyard/nodes';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureFlow, fixtureTicket } from '../__fixtures__/fixture-flow';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { dryRun } from '../dry-run/dry-run';
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import { createFlowCache } from './flow-cache';
import { postTicketEvent } from './post-ticket-event';
import { processDueTickets } from './process-due-tickets';
import type { RuntimeContext } from './runtime-context';
import { ticketHistory } from './ticket-history';
import { getTicket } from './ticket-views';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;
const CREATED_AT = '2026-03-02T01:00:00.000Z';

/** Urgent within 2 h, warned 30 m before; the warning branch waits 20 m (the flow is away) before it comes back. */
const awayLadder = fixtureFlow(
  'sla-away',
  {
    start: 'ticket_created',
    urgent: ['set_priority', { priority: 'urgent' }],
    sla: ['sla_policy', { urgent: '2h', warnBefore: '30m' }],
    warn: ['add_tag', { tag: 'sla_warning' }],
    away: ['delay', { duration: '20m' }],
    met: ['add_tag', { tag: 'sla_met' }],
    breach: ['escalate', { level: 1 }],
  },
  ['start -> urgent', 'urgent -> sla', 'sla.warning -> warn', 'warn -> away', 'away -> sla', 'sla.met -> met', 'sla.breach -> breach'],
);

describe.each(testDatabases)('an SLA away on its warning branch counts what happens meanwhile on $name (issue 21)', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  const clock = createManualClock(CREATED_AT);
  const flows = createFlowCache(registry);

  // Each test starts on an empty database (useTestDatabase clears it).
  beforeEach(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: awayLadder.name, document: FlowDocument.parse(awayLadder) }, 'test');
    await deployVersion(ctx, awayLadder.id, (await publishVersion(ctx, awayLadder.id, 'test')).version, 'test', 0);
  });

  const at = (minutes: number) => new Date(Date.parse(CREATED_AT) + minutes * MINUTE);
  const step = async (minutes: number) => {
    clock.set(at(minutes));
    for (let round = 0; round < 20; round++) if ((await processDueTickets(ctx, flows)) === 0) return;
    throw new Error('still busy after 20 rounds');
  };

  /** Opens a ticket, posts `events` (minute, event) with worker rounds at each of `rounds`, and returns it with the dry-run's actions. */
  const play = async (events: readonly (readonly [number, TicketEvent])[], rounds: readonly number[]) => {
    clock.set(at(0));
    const { id } = await createTicket(ctx, { channel: 'chat', subject: '无法登录', body: '系统登录失败', customer: { id: 'C1' } }, 'test');
    const times = [...new Set([0, ...rounds, ...events.map(([m]) => m)])].sort((a, b) => a - b);
    for (const minute of times) {
      clock.set(at(minute));
      for (const [m, event] of events) if (m === minute) await postTicketEvent(ctx, id, event, 'test');
      await step(minute);
    }
    const sample = fixtureTicket(id, {
      createdAt: CREATED_AT,
      subject: '无法登录',
      body: '系统登录失败',
      events: events.map(([m, event]) => ({ at: at(m).toISOString(), ...event })),
    });
    const [expected] = await dryRun([compileFlow(awayLadder, registry)], [sample], { registry, roster: EMPTY_ROSTER });
    const history = (await ticketHistory(store.db, id)) ?? [];
    const actions = history
      .filter((h) => h.kind === 'action')
      .map((h) => [new Date(h.at).toISOString(), (h.detail as { node: string }).node]);
    return { id, actions, expected: expected?.actions.map((a) => [a.at, a.node]) };
  };

  it('a reply while away is met when the flow comes back, as in the dry-run', async () => {
    const { id, actions, expected } = await play([[100, { type: 'agent.reply', agentId: 'li-na', body: '已处理' }]], [90, 110, 120, 130]);
    expect(actions).toEqual([
      [at(0).toISOString(), 'urgent'],
      [at(90).toISOString(), 'warn'],
      [at(110).toISOString(), 'met'],
    ]);
    expect(actions).toEqual(expected);
    const ticket = await getTicket(store.db, id);
    expect(ticket?.escalationLevel).toBe(0);
    expect(ticket?.slas).toEqual([]);
  });

  it('a pause and resume while away move the deadline by the time paused, as in the dry-run', async () => {
    const { id, actions, expected } = await play(
      [
        [95, { type: 'ticket.status', status: 'pending' }],
        [105, { type: 'ticket.status', status: 'processing' }],
      ],
      [90, 110, 120, 130],
    );
    expect(actions).toEqual([
      [at(0).toISOString(), 'urgent'],
      [at(90).toISOString(), 'warn'],
      [at(130).toISOString(), 'breach'],
    ]);
    expect(actions).toEqual(expected);
    expect((await getTicket(store.db, id))?.escalationLevel).toBe(1);
  });
});
