import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/record-audit';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { createTicket } from '../durable/create-ticket';
import { postTicketEvent } from '../durable/post-ticket-event';
import type { RuntimeContext } from '../durable/runtime-context';
import { createWorker } from '../durable/worker';
import { testDatabases, useTestDatabase } from '../testing/index';
import { analyticsOverview } from './analytics-overview';
import { flowAnalytics } from './flow-analytics';
import { nodeTickets } from './node-tickets';
import { recountAnalytics } from './recount-analytics';
import { deskFlow } from './__fixtures__/desk-flow';

const registry = createNodeRegistry(builtinNodes);
const MINUTE = 60_000;
const DAY = { from: '2026-12-01', to: '2026-12-01' };

/**
 * Six tickets scripted on a manual clock, every figure counted by hand (README, "Analytics"):
 * T1..T6 created at 09:00 UTC (chat, chat, email, email, chat, web); a1 replies to T1 at +10 min,
 * T2 +20, T5 +30, T4 +40; T6 is resolved by a status at +50; T3 and T6 time out at +60 (escalated);
 * at +75 T5 gets a second reply and T4 is reopened; surveys T1 5, T2 4, T4 2; at +90 a person
 * moves T2 to finance/billing (a misroute and a correction), at +25 h T5 to pre_sales (not a misroute).
 */
describe.each(testDatabases)('analytics figures on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: RuntimeContext;
  const clock = createManualClock('2026-12-01T09:00:00Z');
  const t: string[] = [];

  beforeAll(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: 'Desk', document: deskFlow() }, 'test');
    await publishVersion(ctx, 'desk', 'test');
    await deployVersion(ctx, 'desk', 1, 'test');
    const worker = createWorker(ctx);
    const channels = ['chat', 'chat', 'email', 'email', 'chat', 'web'] as const;
    for (const [i, channel] of channels.entries()) {
      t.push((await createTicket(ctx, { channel, subject: `问题 ${i + 1}`, body: '', customer: { id: `c${i}` } }, 'test')).id);
    }
    await worker.runUntilIdle();
    const at = async (minutes: number, post: () => Promise<unknown>) => {
      clock.set(new Date(Date.parse('2026-12-01T09:00:00Z') + minutes * MINUTE));
      await post();
      await worker.runUntilIdle();
    };
    const event = (i: number, e: unknown) => postTicketEvent(ctx, t[i] ?? '', e, 'test');
    const reply = (i: number) => event(i, { type: 'agent.reply', agentId: 'a1', body: '您好' });
    await at(10, () => reply(0));
    await at(20, () => reply(1));
    await at(30, () => reply(4));
    await at(40, () => reply(3));
    await at(50, () => event(5, { type: 'ticket.status', status: 'resolved' }));
    await at(70, async () => undefined);
    await at(75, async () => {
      await reply(4);
      await event(3, { type: 'ticket.status', status: 'processing' });
    });
    await at(80, async () => {
      await event(0, { type: 'survey.response', score: 5 });
      await event(1, { type: 'survey.response', score: 4 });
      await event(3, { type: 'survey.response', score: 2 });
    });
    // A person's change, as the console records it: the ticket row and an audit entry by that person, in one transaction.
    const personMoves = async (i: number, minutes: number, set: { group: string; category?: string }) => {
      const now = new Date(Date.parse('2026-12-01T09:00:00Z') + minutes * MINUTE);
      clock.set(now);
      await store.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('tickets')
          .set(set)
          .where('id', '=', t[i] ?? '')
          .execute();
        await recordAudit(trx, {
          at: now,
          actor: 'li-na',
          ticketId: t[i] ?? '',
          flowId: null,
          kind: 'event.received',
          detail: { eventId: `person-${i}`, event: { type: 'customer.message', body: '转财务' } },
        });
      });
    };
    await personMoves(1, 90, { group: 'finance', category: 'billing' });
    await personMoves(4, 25 * 60, { group: 'pre_sales' });
  }, 120_000);

  it('counts the team dashboard by hand', async () => {
    const o = await analyticsOverview(ctx, DAY);
    expect(o.total).toBe(6);
    expect(o.byChannel).toEqual([
      { key: 'chat', count: 3, share: 0.5 },
      { key: 'email', count: 2, share: 2 / 6 },
      { key: 'web', count: 1, share: 1 / 6 },
    ]);
    expect(o.byDay).toEqual([{ day: '2026-12-01', count: 6 }]);
    expect(Object.fromEntries(o.byStatus.map((s) => [s.key, s.count]))).toMatchObject({ resolved: 4, processing: 1 });
    expect(Object.fromEntries(o.byCategory.map((s) => [s.key, s.count]))).toEqual({ logistics: 2, billing: 1, '': 3 });
    expect(o.firstResponse).toEqual({ count: 4, medianMs: 25 * MINUTE, p90Ms: 40 * MINUTE });
    expect(o.resolution).toEqual({ count: 4, medianMs: 25 * MINUTE, p90Ms: 50 * MINUTE });
    expect(o.fcr).toEqual({ count: 3, of: 4, rate: 0.75 });
    expect(o.automationCoverage).toEqual({ count: 1, of: 4, rate: 0.25 });
    expect(o.csat).toEqual({ responses: 3, mean: 11 / 3, satisfiedShare: 2 / 3, responseRate: 0.75 });
    expect(o.slaBreachRate).toEqual({ count: 2, of: 6, rate: 2 / 6 });
    expect(o.overdue).toBe(1);
    expect(o.agents).toEqual([
      { agent: 'a1', tickets: 6, handled: 4, firstResponseMedianMs: 25 * MINUTE, csatMean: 11 / 3, csatResponses: 3, overdue: 1 },
    ]);
    // The people's moves changed the ticket's group: the filter follows them.
    const logistics = await analyticsOverview(ctx, { ...DAY, group: 'logistics' });
    expect(logistics.total).toBe(4);
    expect((await analyticsOverview(ctx, { ...DAY, group: 'finance', channel: 'chat' })).total).toBe(1);
    expect((await analyticsOverview(ctx, { from: '2026-12-02', to: '2026-12-02' })).total).toBe(0);
  });

  it("counts the flow's nodes, edges, waits and rule quality by hand", async () => {
    const f = await flowAnalytics(ctx, 'desk', { ...DAY, version: 1 });
    const node = (id: string) => f.nodes.find((n) => n.id === id);
    const edge = (id: string) => f.edges.find((e) => e.id === id);
    expect(f.tickets).toBe(6);
    expect(f.versions).toEqual([1]);
    expect(Object.fromEntries(f.nodes.map((n) => [n.id, n.entered]))).toEqual({
      created: 6,
      isChat: 6,
      categorize: 3,
      route: 6,
      wait: 6,
      resolve: 4,
      escalate: 2,
    });
    expect(edge('isChat__true')).toMatchObject({ count: 3, share: 0.5 });
    expect(edge('isChat__false')).toMatchObject({ count: 3, share: 0.5 });
    expect(edge('wait__event')).toMatchObject({ count: 4, share: 4 / 6 });
    expect(edge('wait__timeout')).toMatchObject({ count: 2, share: 2 / 6 });
    expect(edge('route__next')).toMatchObject({ count: 6, share: 1 });
    expect(node('wait')?.wait).toEqual({ count: 6, medianMs: 35 * MINUTE, p95Ms: 60 * MINUTE, timeouts: 2, timeoutShare: 2 / 6 });
    expect(node('route')).toMatchObject({ routed: 6, misroutes: 1, misrouteRate: 1 / 6 });
    expect(node('categorize')).toMatchObject({ categorized: 3, corrections: 1, accuracy: 2 / 3 });
    expect(node('escalate')).toMatchObject({ escalations: 2, errors: 0 });
    expect(f.escalationsPer100).toBeCloseTo(100 / 3, 10);
    expect((await nodeTickets(ctx, 'desk', { ...DAY, node: 'route', mark: 'misroute' })).tickets.map((x) => x.id)).toEqual([t[1]]);
    expect((await nodeTickets(ctx, 'desk', { ...DAY, node: 'categorize', mark: 'corrected' })).tickets.map((x) => x.id)).toEqual([t[1]]);
    expect((await nodeTickets(ctx, 'desk', { ...DAY, node: 'escalate' })).tickets.map((x) => x.id).sort()).toEqual([t[2], t[5]].sort());
  });

  it('keeps rollups equal to a full recount', async () => {
    const recount = await recountAnalytics(store.db);
    expect(recount.staleFacts).toEqual([]);
    expect(recount.daily.stored).toEqual(recount.daily.recounted);
    expect(recount.flow.stored).toEqual(recount.flow.recounted);
  });
});
