import { compileFlow } from '@switchyard/compiler';
import { AgentAction, FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, EMPTY_ROSTER } from '@switchyard/nodes';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixtureFlow, fixtureTicket } from '../__fixtures__/fixture-flow';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { dryRun } from '../dry-run/dry-run';
import { createTicket } from '../durable/create-ticket';
import { claimEffects, deliverEffect } from '../durable/deliver-effects';
import { createFlowCache } from '../durable/flow-cache';
import { processDueTickets } from '../durable/process-due-tickets';
import type { RuntimeContext } from '../durable/runtime-context';
import { ticketHistory } from '../durable/ticket-history';
import { getTicket } from '../durable/ticket-views';
import { testDatabases, useTestDatabase } from '../testing/index';
import { addNote, escalateTicket, releaseTicket, takeTicket } from './agent-actions';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;
const CREATED_AT = '2026-03-02T01:00:00.000Z';

/** Issue 18's leftover: a flow started by an agent's escalation (not by a take, a note or a release). */
const watch = fixtureFlow(
  'escalation-watch',
  {
    start: ['agent_action', { actions: ['escalate', 'transfer'] }],
    tag: ['add_tag', { tag: 'escalation_watch' }],
    urgent: ['set_priority', { priority: 'urgent' }],
  },
  ['start -> tag', 'tag -> urgent'],
);

/** A stored event carries its shape's version (`$v`) beside the event. */
const StoredAction = AgentAction.extend({ $v: z.number().optional() });

describe.each(testDatabases)('the "Agent action" trigger on $name', (target) => {
  const store = useTestDatabase(target);
  const clock = createManualClock(CREATED_AT);
  const flows = createFlowCache(registry);
  let ctx: RuntimeContext;
  const person = { actor: 'li.na@example.com', userId: 'u-li-na', agentId: 'li-na' };

  beforeAll(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: watch.name, document: FlowDocument.parse(watch) }, 'test');
    await deployVersion(ctx, watch.id, (await publishVersion(ctx, watch.id, 'test')).version, 'test', 0);
  });

  const at = (minutes: number) => new Date(Date.parse(CREATED_AT) + minutes * MINUTE);
  const step = async (minutes: number) => {
    clock.set(at(minutes));
    for (let round = 0; round < 50; round++) {
      const processed = await processDueTickets(ctx, flows);
      const effects = await claimEffects(ctx, 16);
      for (const row of effects) await deliverEffect(ctx, flows, row, async () => EMPTY_ROSTER);
      if (processed === 0 && effects.length === 0) return;
    }
    throw new Error('still busy after 50 rounds');
  };

  it('starts on the chosen actions only, and the dry-run of the same actions agrees', async () => {
    clock.set(at(0));
    const { id } = await createTicket(ctx, { channel: 'chat', subject: '退款没到', body: '等了一周', customer: { id: 'C1' } }, 'test');
    await step(0);
    await takeTicket(ctx, id, person);
    await step(10);
    await addNote(ctx, id, person, '客户很急', []);
    await step(15);
    await releaseTicket(ctx, id, person);
    await step(20);
    // Neither taking, noting nor releasing is an escalation: nothing ran.
    expect((await getTicket(store.db, id))?.tags).toEqual([]);
    clock.set(at(30));
    await escalateTicket(ctx, id, person, undefined, '客户第三次催');
    await step(30);
    const escalated = await getTicket(store.db, id);
    expect(escalated?.tags).toEqual(['escalation_watch']);
    expect(escalated?.priority).toBe('urgent');

    // The dry-run, given the same agent.action events as scripted events, takes the same path at the same times.
    const stored = await store.db
      .selectFrom('ticket_events')
      .select(['payload', 'at'])
      .where('ticket_id', '=', id)
      .where('type', '=', 'agent.action')
      .orderBy('id')
      .execute();
    expect(stored.map((row) => StoredAction.parse(row.payload).action)).toEqual(['take', 'note', 'release', 'escalate']);
    const sample = fixtureTicket('t1', {
      createdAt: CREATED_AT,
      subject: '退款没到',
      body: '等了一周',
      events: stored.map((row) => {
        const { $v: _, ...event } = StoredAction.parse(row.payload);
        return { at: new Date(row.at).toISOString(), ...event };
      }),
    });
    const [expected] = await dryRun([compileFlow(watch, registry)], [sample], { registry, roster: EMPTY_ROSTER });
    expect(expected?.final).toMatchObject({ tags: ['escalation_watch'], priority: 'urgent' });
    const history = (await ticketHistory(store.db, id)) ?? [];
    const actions = history.filter((h) => h.kind === 'action').map((h) => ({ at: h.at, node: (h.detail as { node: string }).node }));
    expect(actions).toEqual(expected?.actions.map((a) => ({ at: a.at, node: a.node })));
    expect(actions.map((a) => a.at)).toEqual([at(30).toISOString(), at(30).toISOString()]);
  });
});
