import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, EMPTY_ROSTER } from '@switchyard/nodes';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureFlow } from '../__fixtures__/fixture-flow';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { createManualClock } from '../clock';
import { createTicket } from '../durable/create-ticket';
import { claimEffects, deliverEffect } from '../durable/deliver-effects';
import { createFlowCache } from '../durable/flow-cache';
import { postTicketEvent } from '../durable/post-ticket-event';
import { processDueTickets } from '../durable/process-due-tickets';
import type { RuntimeContext } from '../durable/runtime-context';
import { ticketHistory } from '../durable/ticket-history';
import { getTicket } from '../durable/ticket-views';
import { testDatabases, useTestDatabase } from '../testing/index';
import { decideApproval, listApprovals } from './approvals';
import { decidedApprovals } from './decided-approvals';

const registry = createNodeRegistry(builtinNodes);
const HOUR = 3_600_000;
const CREATED_AT = '2026-03-02T01:00:00.000Z';

const unlabelled = fixtureFlow(
  'refund-approval',
  {
    start: 'ticket_created',
    ask: ['approval', { role: 'supervisor', question: '退款 200 元', timeout: '4h' }],
    yes: ['add_tag', { tag: 'approved' }],
    no: ['add_tag', { tag: 'rejected' }],
    late: ['add_tag', { tag: 'approval_timeout' }],
  },
  ['start -> ask', 'ask.approved -> yes', 'ask.rejected -> no', 'ask.timeout -> late'],
);
// People read the asking step by its label (the approval's `nodeLabel`), not its id.
const refund = {
  ...unlabelled,
  nodes: unlabelled.nodes.map((n) => (n.id === 'ask' ? { ...n, label: '主管审批 Supervisor approves' } : n)),
};

describe.each(testDatabases)('approvals on $name (issue 21)', (target) => {
  const store = useTestDatabase(target);
  const clock = createManualClock(CREATED_AT);
  let ctx: RuntimeContext;

  beforeEach(async () => {
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }) };
    await createFlow(ctx, { name: refund.name, document: FlowDocument.parse(refund) }, 'test');
    await deployVersion(ctx, refund.id, (await publishVersion(ctx, refund.id, 'test')).version, 'test', 0);
  });

  /** One worker's rounds; each call may be a new worker (its own flow cache), as after a restart. */
  const runWorker = async () => {
    const flows = createFlowCache(registry);
    for (let round = 0; round < 20; round++) {
      const processed = await processDueTickets(ctx, flows);
      const effects = await claimEffects(ctx, 16);
      for (const row of effects) await deliverEffect(ctx, flows, row, async () => EMPTY_ROSTER);
      if (processed === 0 && effects.length === 0) return;
    }
  };
  const open = (subject: string) =>
    createTicket(ctx, { channel: 'web', subject, body: '订单 A1001 申请退款', customer: { id: 'C9' } }, 'test');

  it('lists the request, and a decision made after the worker restarted moves the flow on by approved', async () => {
    clock.set(new Date(CREATED_AT));
    const { id } = await open('申请退款');
    await runWorker();
    const [request, ...others] = await listApprovals(store.db, [id]);
    expect(others).toEqual([]);
    expect(request).toMatchObject({
      ticketId: id,
      flowId: 'refund-approval',
      node: 'ask',
      nodeLabel: '主管审批 Supervisor approves',
      role: 'supervisor',
      question: '退款 200 元',
    });
    expect(request?.dueAt).toBe(new Date(Date.parse(CREATED_AT) + 4 * HOUR).toISOString());

    // The worker is gone; an hour later the supervisor decides; a new worker picks the decision up.
    clock.set(new Date(Date.parse(CREATED_AT) + HOUR));
    await decideApproval(ctx, request?.id ?? '', { decision: 'approve', note: '金额已核对' }, 'lead@example.com');
    await runWorker();
    expect((await getTicket(store.db, id))?.tags).toEqual(['approved']);
    expect(await listApprovals(store.db, [id])).toEqual([]);
    // The approvals screen's history keeps what was asked and the answer.
    expect(await decidedApprovals(store.db)).toEqual([
      {
        ...request,
        decision: 'approve',
        note: '金额已核对',
        decidedBy: 'lead@example.com',
        decidedAt: new Date(Date.parse(CREATED_AT) + HOUR).toISOString(),
      },
    ]);
    const received = (await ticketHistory(store.db, id))?.find((h) => h.kind === 'event.received');
    expect(received).toMatchObject({
      actor: 'lead@example.com',
      detail: { event: { type: 'approval.decided', decision: 'approve', note: '金额已核对' } },
    });
    // Decided once: a second decision finds nothing waiting.
    await expect(decideApproval(ctx, request?.id ?? '', { decision: 'reject' }, 'x')).rejects.toMatchObject({ status: 404 });
  });

  it('a rejection goes by rejected; nobody deciding goes by timeout; a forged event is refused', async () => {
    clock.set(new Date(CREATED_AT));
    const rejected = await open('退款 1');
    const ignored = await open('退款 2');
    await runWorker();
    await expect(
      postTicketEvent(
        ctx,
        rejected.id,
        { type: 'approval.decided', flow: 'refund-approval', node: 'ask', decision: 'approve', by: 'me' },
        'me',
      ),
    ).rejects.toMatchObject({ status: 400 });
    const [request] = await listApprovals(store.db, [rejected.id]);
    await decideApproval(ctx, request?.id ?? '', { decision: 'reject' }, 'lead@example.com');
    clock.set(new Date(Date.parse(CREATED_AT) + 4 * HOUR));
    await runWorker();
    expect((await getTicket(store.db, rejected.id))?.tags).toEqual(['rejected']);
    expect((await getTicket(store.db, ignored.id))?.tags).toEqual(['approval_timeout']);
    expect(await listApprovals(store.db, [ignored.id])).toEqual([]);
  });
});
