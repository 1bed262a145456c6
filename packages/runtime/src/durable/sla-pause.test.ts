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
import { testDatabases, useTestDatabase } from '../testing/index';
import { createTicket } from './create-ticket';
import { claimEffects, deliverEffect } from './deliver-effects';
import { createFlowCache } from './flow-cache';
import { postTicketEvent } from './post-ticket-event';
import { processDueTickets } from './process-due-tickets';
import type { RuntimeContext } from './runtime-context';
import { ticketHistory } from './ticket-history';
import { getTicket } from './ticket-views';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;
const CREATED_AT = '2026-03-02T01:00:00.000Z';

/** Urgent within 2 h, a warning 30 m before; pending pauses it (the default rule). */
const ladder = fixtureFlow(
  'sla-pause',
  {
    start: 'ticket_created',
    urgent: ['set_priority', { priority: 'urgent' }],
    sla: ['sla_policy', { urgent: '2h', warnBefore: '30m' }],
    warn: ['add_tag', { tag: 'sla_warning' }],
    met: ['add_tag', { tag: 'sla_met' }],
    breach: ['escalate', { level: 1 }],
  },
  ['start -> urgent', 'urgent -> sla', 'sla.warning -> warn', 'warn -> sla', 'sla.met -> met', 'sla.breach -> breach'],
);

describe.each(testDatabases)('a paused SLA resumes with its remaining time on $name (issue 21)', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  const clock = createManualClock(CREATED_AT);
  const flows = createFlowCache(registry);

  beforeAll(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: ladder.name, document: FlowDocument.parse(ladder) }, 'test');
    await deployVersion(ctx, ladder.id, (await publishVersion(ctx, ladder.id, 'test')).version, 'test', 0);
  });

  const runUntilIdle = async () => {
    for (let round = 0; round < 50; round++) {
      const processed = await processDueTickets(ctx, flows);
      const effects = await claimEffects(ctx, 16);
      for (const row of effects) await deliverEffect(ctx, flows, row, async () => EMPTY_ROSTER);
      if (processed === 0 && effects.length === 0) return;
    }
    throw new Error('still busy after 50 rounds');
  };
  const at = (minutes: number) => new Date(Date.parse(CREATED_AT) + minutes * MINUTE);
  const step = async (minutes: number) => {
    clock.set(at(minutes));
    await runUntilIdle();
  };

  it('shows the clock running, paused with 80 m left, resumed due 80 m later; breaches then, as the dry-run does', async () => {
    clock.set(at(0));
    const { id } = await createTicket(ctx, { channel: 'chat', subject: '无法登录', body: '系统登录失败', customer: { id: 'C1' } }, 'test');
    await step(0);
    expect((await getTicket(store.db, id))?.slas).toEqual([
      expect.objectContaining({
        flowId: 'sla-pause',
        node: 'sla',
        target: 'first_response',
        state: 'running',
        dueAt: at(120).toISOString(),
      }),
    ]);

    await step(40);
    await postTicketEvent(ctx, id, { type: 'ticket.status', status: 'pending' }, 'test');
    await step(40);
    const paused = (await getTicket(store.db, id))?.slas;
    expect(paused).toEqual([expect.objectContaining({ state: 'paused', dueAt: null, leftMs: 80 * MINUTE })]);
    expect((await getTicket(store.db, id))?.deadlines).toEqual([]);

    // Five hours waiting on the customer cost the clock nothing (a worker round in between changes nothing).
    await step(200);
    await step(340);
    await postTicketEvent(ctx, id, { type: 'ticket.status', status: 'processing' }, 'test');
    await step(340);
    expect((await getTicket(store.db, id))?.slas).toEqual([
      expect.objectContaining({ state: 'running', dueAt: at(420).toISOString(), leftMs: 80 * MINUTE }),
    ]);
    await step(389);
    expect((await getTicket(store.db, id))?.tags).toEqual([]);
    await step(390);
    expect((await getTicket(store.db, id))?.tags).toEqual(['sla_warning']);
    expect((await getTicket(store.db, id))?.slas).toEqual([expect.objectContaining({ warned: true, dueAt: at(420).toISOString() })]);
    await step(420);
    const done = await getTicket(store.db, id);
    expect(done?.escalationLevel).toBe(1);
    expect(done?.slas).toEqual([]);

    const sample = fixtureTicket('t1', {
      createdAt: CREATED_AT,
      subject: '无法登录',
      body: '系统登录失败',
      events: [
        { at: at(40).toISOString(), type: 'ticket.status', status: 'pending' },
        { at: at(340).toISOString(), type: 'ticket.status', status: 'processing' },
      ],
    });
    const [expected] = await dryRun([compileFlow(ladder, registry)], [sample], { registry, roster: EMPTY_ROSTER });
    const history = (await ticketHistory(store.db, id)) ?? [];
    const actions = history.filter((h) => h.kind === 'action').map((h) => ({ at: h.at, node: (h.detail as { node: string }).node }));
    expect(actions).toEqual(expected?.actions.map((a) => ({ at: a.at, node: a.node })));
    // The warning's timer is no missed deadline; the breach's is (the ticket's sla_breached_at, the metrics and guardrails).
    const missed = history
      .filter((h) => h.kind === 'flow.transition' && (h.detail as { missedDeadline?: boolean }).missedDeadline === true)
      .map((h) => new Date(h.at).toISOString());
    expect(missed).toEqual([at(420).toISOString()]);
  });
});
