import { compileFlow } from '@switchyard/compiler';
import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, type Roster } from '@switchyard/nodes';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureFlow, fixtureTicket } from '../__fixtures__/fixture-flow';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { loadRoster } from '../catalog/load-roster';
import { publishVersion } from '../catalog/publish-version';
import { upsertAgent } from '../catalog/upsert-agent';
import { upsertGroup } from '../catalog/upsert-group';
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
const HOUR = 3_600_000;
const CREATED_AT = '2026-03-02T01:00:00.000Z';

/** Resolved, the customer is asked to confirm; the assignee is reminded after 8 h (configured), the flow gives up after 72 h. */
const confirm = fixtureFlow(
  'confirm-resolution',
  {
    start: 'ticket_created',
    route: ['assign', { strategy: 'least_loaded', group: 'g' }],
    ask: ['reply', { template: '问题已解决，请确认。' }],
    wait: ['confirmation', { remindAfter: '8h', timeout: '72h' }],
    remind: ['notify', { to: 'assignee', template: '工单 {{ticket.number}} 客户尚未确认' }],
    done: ['add_tag', { tag: 'confirmed' }],
    late: ['add_tag', { tag: 'unconfirmed' }],
  },
  [
    'start -> route',
    'route -> ask',
    'ask -> wait',
    'wait.remind -> remind',
    'remind -> wait',
    'wait.confirmed -> done',
    'wait.timeout -> late',
  ],
);

describe.each(testDatabases)('the confirmation node on $name (issue 21)', (target) => {
  const store = useTestDatabase(target);
  const clock = createManualClock(CREATED_AT);
  let ctx: RuntimeContext;
  let roster: Roster;

  beforeEach(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await upsertGroup(ctx, { id: 'g', name: 'G' }, 'test');
    await upsertAgent(ctx, { id: 'li-na', name: '李娜', groups: ['g'] }, 'test');
    roster = await loadRoster(store.db);
    await createFlow(ctx, { name: confirm.name, document: FlowDocument.parse(confirm) }, 'test');
    await deployVersion(ctx, confirm.id, (await publishVersion(ctx, confirm.id, 'test')).version, 'test', 0);
  });

  const at = (hours: number) => new Date(Date.parse(CREATED_AT) + hours * HOUR);
  /** Worker rounds at `hours`; effects (the reply, the reminder) are delivered at once unless `holdEffects`. */
  const step = async (hours: number, holdEffects = false) => {
    clock.set(at(hours));
    const flows = createFlowCache(registry);
    for (let round = 0; round < 20; round++) {
      const processed = await processDueTickets(ctx, flows);
      const effects = holdEffects ? [] : await claimEffects(ctx, 16);
      for (const row of effects) await deliverEffect(ctx, flows, row, async () => roster);
      if (processed === 0 && effects.length === 0) return;
    }
  };
  const open = async () =>
    (await createTicket(ctx, { channel: 'chat', subject: '无法登录', body: '系统登录失败', customer: { id: 'C1' } }, 'test')).id;
  const actionsOf = async (id: string) =>
    ((await ticketHistory(store.db, id)) ?? [])
      .filter((h) => h.kind === 'action')
      .map((h) => {
        const detail = h.detail as { node: string; params?: { recipient?: unknown } };
        return [new Date(h.at).toISOString(), detail.node, ...(detail.node === 'remind' ? [detail.params?.recipient] : [])];
      });

  it('reminds the assignee after the configured 8 h, moves on when the customer confirms; the dry-run agrees', async () => {
    clock.set(at(0));
    const id = await open();
    await step(0);
    await step(7.9);
    expect(await actionsOf(id)).toHaveLength(2);
    await step(8);
    await step(30);
    await postTicketEvent(ctx, id, { type: 'customer.confirmed' }, 'test');
    await step(30);
    const actions = await actionsOf(id);
    expect(actions).toEqual([
      [at(0).toISOString(), 'route'],
      [at(0).toISOString(), 'ask'],
      [at(8).toISOString(), 'remind', 'li-na'],
      [at(30).toISOString(), 'done'],
    ]);
    expect((await getTicket(store.db, id))?.tags).toEqual(['confirmed']);

    const sample = fixtureTicket(id, {
      createdAt: CREATED_AT,
      subject: '无法登录',
      body: '系统登录失败',
      customer: { id: 'C1' },
      events: [{ at: at(30).toISOString(), type: 'customer.confirmed' }],
    });
    const [expected] = await dryRun([compileFlow(confirm, registry)], [sample], { registry, roster });
    const dry = expected?.actions.map((a) => [a.at, a.node, ...(a.node === 'remind' ? [a.params.recipient] : [])]);
    expect(actions).toEqual(dry);
  });

  it('without a confirmation gives up after 72 h, as in the dry-run', async () => {
    clock.set(at(0));
    const id = await open();
    for (const hours of [0, 8, 72]) await step(hours);
    expect((await actionsOf(id)).map(([when, node]) => [when, node])).toEqual([
      [at(0).toISOString(), 'route'],
      [at(0).toISOString(), 'ask'],
      [at(8).toISOString(), 'remind'],
      [at(72).toISOString(), 'late'],
    ]);
    const [expected] = await dryRun(
      [compileFlow(confirm, registry)],
      [fixtureTicket(id, { createdAt: CREATED_AT, subject: '无法登录', body: '系统登录失败', customer: { id: 'C1' } })],
      { registry, roster },
    );
    expect(expected?.actions.map((a) => [a.at, a.node])).toEqual((await actionsOf(id)).map(([when, node]) => [when, node]));
  });

  it('a confirmation while the reminder is being sent (the flow away on remind) counts when it comes back', async () => {
    clock.set(at(0));
    const id = await open();
    await step(0);
    await step(8, true);
    await postTicketEvent(ctx, id, { type: 'customer.confirmed' }, 'test');
    await step(8.5, true);
    await step(9);
    expect((await actionsOf(id)).map(([, node]) => node)).toEqual(['route', 'ask', 'remind', 'done']);
    expect((await getTicket(store.db, id))?.tags).toEqual(['confirmed']);
  });
});
