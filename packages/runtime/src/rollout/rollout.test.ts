import { builtinNodes, createNodeRegistry, EMPTY_STATS } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFlow } from '../catalog/create-flow';
import { publishVersion } from '../catalog/publish-version';
import { saveDraft } from '../catalog/save-draft';
import { createManualClock } from '../clock';
import { json } from '../db/schema';
import { ticketStatsShape } from '../db/stored/ticket-stats-shape';
import { bindDeployedFlows } from '../durable/bind-deployed-flows';
import { createTicket } from '../durable/create-ticket';
import type { RuntimeContext } from '../durable/runtime-context';
import { getTicket } from '../durable/ticket-views';
import { createWorker } from '../durable/worker';
import { seededUuids, testDatabases, useTestDatabase } from '../testing/index';
import { ROLLOUT_FLOW, rolloutFlow } from './__fixtures__/rollout-flow';
import { boundVersion } from './bucket';
import { checkRollouts } from './check-rollouts';
import { flowMetrics } from './flow-metrics';
import { getRollout } from './get-rollout';
import { migrateTickets } from './migrate-tickets';
import { listOpsNotifications } from './ops-notifications';
import { promoteCandidate, rollBackCandidate } from './promote-rollout';
import { setRollout } from './set-rollout';

const registry = createNodeRegistry(builtinNodes);
/** Matchers typed `unknown` rather than `any`, to sit inside expected objects. */
const anyNumber: unknown = expect.any(Number);
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const HOUR = 3_600_000;

describe.each(testDatabases)('rollout on $name', (target) => {
  const store = useTestDatabase(target);
  let ctx: RuntimeContext;
  let refusing: TestHttpServer;
  const clock = createManualClock('2026-06-01T09:00:00+08:00');

  /** Publishes the fixture flow's variants as versions 1, 2, ... of a fresh flow. */
  const publish = async (...variants: Parameters<typeof rolloutFlow>[0][]) => {
    for (const variant of variants) {
      await saveDraft(ctx, ROLLOUT_FLOW, rolloutFlow(variant), 'test');
      await publishVersion(ctx, ROLLOUT_FLOW, 'test');
    }
  };
  const openTickets = async (count: number, concurrency = store.kind === 'postgres' ? 6 : 1) => {
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next++;
          const { id } = await createTicket(ctx, { channel: 'chat', subject: '咨询', body: '', customer: { id: 'C1' } }, 'test');
          ids.push(id);
        }
      }),
    );
    return ids;
  };
  /**
   * Many new tickets at once, bound by the same code as createTicket (which runs it for one):
   * 20,000 one-by-one creations would take minutes of CI for nothing more. Their ids are
   * seeded, so the buckets they fall in are the same every run.
   */
  const nextId = seededUuids(20_260_601);
  const newTicketsInBulk = async (count: number) => {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 1000) {
      const chunk = Array.from({ length: Math.min(1000, count - start) }, nextId);
      await store.db.transaction().execute(async (trx) => {
        const now = clock.now();
        await trx
          .insertInto('tickets')
          .values(
            chunk.map((id, i) => ({
              id,
              number: `B${start + i}-${id.slice(0, 8)}`,
              channel: 'chat',
              subject: '',
              body: '',
              customer_id: 'C1',
              order_id: null,
              category: null,
              priority: 'normal',
              status: 'new',
              group: null,
              assignee: null,
              tags: json([]),
              flags: json([]),
              escalation_level: 0,
              stats: ticketStatsShape.json(EMPTY_STATS),
              created_at: now,
              updated_at: now,
              wake_at: null,
            })),
          )
          .execute();
        await bindDeployedFlows(trx, chunk, now);
      });
      ids.push(...chunk);
    }
    return ids;
  };
  const bindings = async (ids: readonly string[]) => {
    const rows = await store.db.selectFrom('ticket_flows').select(['ticket_id', 'version']).where('flow_id', '=', ROLLOUT_FLOW).execute();
    const byTicket = new Map(rows.map((r) => [r.ticket_id, r.version]));
    return ids.map((id) => byTicket.get(id)!);
  };
  const auditCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    refusing = await startTestHttpServer({ status: 500, body: { error: 'down' } });
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }), httpAllow: [refusing.host] };
  });
  afterAll(async () => {
    await refusing.close();
  });
  // Each test starts on an empty database (useTestDatabase) with a fresh flow.
  beforeEach(async () => {
    await createFlow(ctx, { name: 'Rollout test', document: rolloutFlow({ category: 'v0' }) }, 'test');
  });

  it('refuses a bad rollout naming the field, and changes nothing', async () => {
    await publish({ category: 'a' }, { category: 'b' });
    await setRollout(ctx, ROLLOUT_FLOW, { stable: 1 }, 'ops');
    const before = await getRollout(ctx, ROLLOUT_FLOW);
    const audits = await auditCount();
    const refusals: [unknown, string][] = [
      [{ stable: 1, candidate: 1, percent: 10 }, 'candidate'],
      [{ stable: 1, percent: 10 }, 'percent'],
      [{ stable: 1, candidate: 7, percent: 10 }, 'candidate'],
      [{ stable: 9 }, 'stable'],
      [{ stable: 1, candidate: 2, percent: 101 }, 'percent'],
      [{ stable: 1, candidate: 2, percent: 10.5 }, 'percent'],
      [{ stable: 1, candidate: 2, ramp: { steps: [50, 25], every: '1h' } }, 'ramp.steps'],
      [{ stable: 1, candidate: 2, ramp: { steps: [10], every: 'soon' } }, 'ramp.every'],
      [{ stable: 1, candidate: 2, guardrails: [{ metric: 'errorRate' }] }, 'guardrails.0'],
    ];
    for (const [input, path] of refusals) {
      await expect(setRollout(ctx, ROLLOUT_FLOW, input as never, 'ops'), JSON.stringify(input)).rejects.toMatchObject({
        status: 400,
        details: [expect.objectContaining({ path })],
      });
    }
    await expect(setRollout(ctx, 'nope', { stable: 1 }, 'ops')).rejects.toMatchObject({ status: 404 });
    await expect(promoteCandidate(ctx, ROLLOUT_FLOW, {}, 'ops')).rejects.toMatchObject({ status: 409 });
    expect(await getRollout(ctx, ROLLOUT_FLOW)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('binds 10% of 20,000 new tickets to the candidate, keeps them there at 25%, and sends every new ticket to stable after a rollback', async () => {
    await publish({ category: 'stable' }, { category: 'candidate' });
    await setRollout(ctx, ROLLOUT_FLOW, { stable: 1, candidate: 2, percent: 10, reason: 'try v2' }, 'ops@example.com');
    // Through createTicket first: it also creates the customer the bulk rows refer to.
    const first = [...(await openTickets(300)), ...(await newTicketsInBulk(20_000))];
    const firstVersions = await bindings(first);
    // Each binding is the Unleash bucketing of its ticket; over the seeded ids the share is 10% +- 0.6 points, every run.
    first.forEach((id, i) => expect(firstVersions[i]).toBe(boundVersion({ stable: 1, candidate: 2, percent: 10 }, ROLLOUT_FLOW, id)));
    const seeded = firstVersions.slice(300);
    const share = (100 * seeded.filter((v) => v === 2).length) / seeded.length;
    expect(share).toBeGreaterThanOrEqual(9.4);
    expect(share).toBeLessThanOrEqual(10.6);

    await setRollout(ctx, ROLLOUT_FLOW, { stable: 1, candidate: 2, percent: 25 }, 'ops@example.com');
    expect(await bindings(first)).toEqual(firstVersions);
    const second = [...(await openTickets(200)), ...(await newTicketsInBulk(2_000))];
    const secondVersions = await bindings(second);
    second.forEach((id, i) => expect(secondVersions[i]).toBe(boundVersion({ stable: 1, candidate: 2, percent: 25 }, ROLLOUT_FLOW, id)));
    // Raising only adds: a ticket in the 10% bucket range is in the 25% one.
    first.forEach(
      (id, i) => firstVersions[i] === 2 && expect(boundVersion({ stable: 1, candidate: 2, percent: 25 }, ROLLOUT_FLOW, id)).toBe(2),
    );

    const onCandidate = second.filter((_, i) => secondVersions[i] === 2).slice(0, 5);
    await rollBackCandidate(ctx, ROLLOUT_FLOW, { reason: 'numbers look off' }, 'ops@example.com');
    const third = [...(await openTickets(100)), ...(await newTicketsInBulk(1_000))];
    expect(new Set(await bindings(third))).toEqual(new Set([1]));
    // In-flight candidate tickets finish on the candidate.
    await store.db.updateTable('tickets').set({ wake_at: null }).where('id', 'not in', onCandidate).execute();
    await createWorker(ctx).runUntilIdle();
    for (const id of onCandidate) expect((await getTicket(store.db, id))?.category).toBe('candidate');

    const rollout = await getRollout(ctx, ROLLOUT_FLOW);
    expect(rollout).toMatchObject({ stable: 1, candidate: 2, percent: 0 });
    expect(rollout.history.slice(0, 3).map(({ kind, actor, from, to, reason }) => ({ kind, actor, from, to, reason }))).toEqual([
      {
        kind: 'rollout.rolled_back',
        actor: 'ops@example.com',
        from: { stable: 1, candidate: 2, percent: 25 },
        to: { stable: 1, candidate: 2, percent: 0 },
        reason: 'numbers look off',
      },
      {
        kind: 'rollout.changed',
        actor: 'ops@example.com',
        from: { stable: 1, candidate: 2, percent: 10 },
        to: { stable: 1, candidate: 2, percent: 25 },
        reason: null,
      },
      { kind: 'rollout.changed', actor: 'ops@example.com', from: null, to: { stable: 1, candidate: 2, percent: 10 }, reason: 'try v2' },
    ]);
  }, 120_000);

  it('rolls a candidate whose effects fail back to 0% by itself once it has enough tickets, audits it and notifies ops', async () => {
    await publish(
      { category: 'stable', withoutWait: true },
      { category: 'candidate', withoutWait: true, failingUrl: `${refusing.url}/erp` },
    );
    await setRollout(
      ctx,
      ROLLOUT_FLOW,
      { stable: 1, candidate: 2, percent: 50, guardrails: [{ metric: 'errorRate', above: 2, minTickets: 10 }] },
      'ops',
    );
    const worker = createWorker(ctx, { delivery: { maxAttempts: 1, backoffMs: 10, timeoutMs: 2_000 } });
    await openTickets(8);
    await worker.runUntilIdle();
    // Too few candidate tickets yet to judge: nothing happens.
    expect((await checkRollouts(ctx)).rolledBack).toEqual([]);
    expect((await getRollout(ctx, ROLLOUT_FLOW)).percent).toBe(50);
    await openTickets(40);
    // The worker checks rollouts as it goes (it may already trip the guardrail here): no person is involved.
    await worker.runUntilIdle();
    await checkRollouts(ctx);

    const rollout = await getRollout(ctx, ROLLOUT_FLOW);
    expect(rollout).toMatchObject({
      candidate: 2,
      percent: 0,
      tripped: { guardrail: { metric: 'errorRate', above: 2 }, candidateRate: anyNumber, stableRate: null },
    });
    expect(rollout.tripped!.candidateRate).toBeGreaterThan(2);
    expect(rollout.tripped!.candidateTickets).toBeGreaterThanOrEqual(10);
    expect(rollout.history[0]).toMatchObject({
      kind: 'rollout.guardrail_tripped',
      actor: 'runtime',
      from: { percent: 50 },
      to: { percent: 0 },
    });
    const [notification] = await listOpsNotifications(store.db);
    expect(notification).toMatchObject({
      kind: 'rollout.guardrail_tripped',
      flowId: ROLLOUT_FLOW,
      message: { en: matching(/error rate [0-9.]+% is above 2%/), 'zh-CN': matching(/已回滚到 0%/) },
    });
    expect(new Set(await bindings(await openTickets(30)))).toEqual(new Set([1]));
    // Once rolled back there is nothing left to roll back.
    expect((await checkRollouts(ctx)).rolledBack).toEqual([]);

    const metrics = await flowMetrics(ctx, ROLLOUT_FLOW);
    const onCandidate = (
      await store.db.selectFrom('ticket_flows').select('ticket_id').where('flow_id', '=', ROLLOUT_FLOW).where('version', '=', 2).execute()
    ).length;
    expect(metrics.versions.find((v) => v.version === 2)).toMatchObject({
      ticketsBound: onCandidate,
      errors: onCandidate,
      rates: { error: 100 },
    });
    expect(metrics.comparison?.differences.find((d) => d.metric === 'errorRate')).toMatchObject({ significant: true, better: false });
  });

  it('ramps 10 -> 25 -> 50 -> 100 one step per interval, and a tripped guardrail stops the plan', async () => {
    await publish({ category: 'stable' }, { category: 'candidate' });
    const start = clock.now().getTime();
    const ramp = { steps: [10, 25, 50, 100], every: '1h' };
    expect(await setRollout(ctx, ROLLOUT_FLOW, { stable: 1, candidate: 2, ramp }, 'ops')).toMatchObject({
      percent: 10,
      ramp: { step: 0, nextStepAt: new Date(start + HOUR).toISOString() },
    });
    clock.advance(HOUR - 1000);
    expect(await checkRollouts(ctx)).toEqual({ rolledBack: [], ramped: [] });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR);
      expect((await checkRollouts(ctx)).ramped).toEqual([ROLLOUT_FLOW]);
      seen.push((await getRollout(ctx, ROLLOUT_FLOW)).percent);
    }
    expect(seen).toEqual([25, 50, 100]);
    const done = await getRollout(ctx, ROLLOUT_FLOW);
    expect(done.ramp).toMatchObject({ step: 3, nextStepAt: null });
    expect(done.history[0]).toMatchObject({ kind: 'rollout.ramped', actor: 'runtime', from: { percent: 50 }, to: { percent: 100 } });
    expect((await listOpsNotifications(store.db))[0]).toMatchObject({ kind: 'rollout.ramp_completed', flowId: ROLLOUT_FLOW });
    clock.advance(10 * HOUR);
    expect(await checkRollouts(ctx)).toEqual({ rolledBack: [], ramped: [] });

    // A plan that a guardrail interrupts stays stopped.
    await setRollout(
      ctx,
      ROLLOUT_FLOW,
      { stable: 1, candidate: 2, ramp, guardrails: [{ metric: 'escalationRate', above: 50, minTickets: 1 }] },
      'ops',
    );
    await openTickets(150);
    await createWorker(ctx).runUntilIdle();
    clock.advance(2 * HOUR);
    // The hour-long waits time out and escalate: the candidate's escalation rate is 100%.
    await createWorker(ctx).runUntilIdle();
    expect((await checkRollouts(ctx)).rolledBack).toEqual([ROLLOUT_FLOW]);
    const stopped = await getRollout(ctx, ROLLOUT_FLOW);
    expect(stopped).toMatchObject({
      percent: 0,
      ramp: { nextStepAt: null },
      tripped: { guardrail: { metric: 'escalationRate' }, candidateRate: 100 },
    });
    clock.advance(5 * HOUR);
    expect(await checkRollouts(ctx)).toEqual({ rolledBack: [], ramped: [] });
  });

  it('ramps one flow when another flow’s deployment row does not read (it stopped every flow’s checks)', async () => {
    await publish({ category: 'stable' }, { category: 'candidate' });
    const other = { ...rolloutFlow({ category: 'other' }), id: 'other-rollout' };
    await createFlow(ctx, { name: 'Other rollout', document: other }, 'test');
    await publishVersion(ctx, 'other-rollout', 'test');
    await saveDraft(ctx, 'other-rollout', { ...other, description: 'v2' }, 'test');
    await publishVersion(ctx, 'other-rollout', 'test');
    const ramp = { steps: [10, 25], every: '1h' };
    for (const flowId of [ROLLOUT_FLOW, 'other-rollout']) await setRollout(ctx, flowId, { stable: 1, candidate: 2, ramp }, 'ops');
    await sql`update deployments set ramp = '{"steps":"broken"}'::jsonb where flow_id = 'other-rollout'`.execute(store.db);
    clock.advance(HOUR);
    expect(await checkRollouts(ctx)).toEqual({ rolledBack: [], ramped: [ROLLOUT_FLOW] });
    expect((await getRollout(ctx, ROLLOUT_FLOW)).percent).toBe(25);
  });

  it('migrates in-flight tickets to a version with the same node, and refuses all of them when one has no counterpart', async () => {
    await publish({ category: 'stable' }, { category: 'candidate' }, { category: 'fixed' }, { category: 'no-wait', withoutWait: true });
    await setRollout(ctx, ROLLOUT_FLOW, { stable: 1, candidate: 2, percent: 100 }, 'ops');
    const ids = await openTickets(5);
    await createWorker(ctx).runUntilIdle();
    expect(new Set(await bindings(ids))).toEqual(new Set([2]));
    const audits = await auditCount();
    const refused = migrateTickets(ctx, ROLLOUT_FLOW, { from: 2, to: 4 }, 'ops');
    await expect(refused).rejects.toMatchObject({
      status: 409,
      details: ids.map((): unknown =>
        expect.objectContaining({ message: matching(/rests in node "wait" \(wait_for_event\), which version 4 does not have/) }),
      ),
    });
    expect(new Set(await bindings(ids))).toEqual(new Set([2]));
    expect(await auditCount()).toBe(audits);

    expect(await migrateTickets(ctx, ROLLOUT_FLOW, { from: 2, to: 3, tickets: ids.slice(0, 2), reason: 'fix' }, 'ops')).toEqual({
      migrated: 2,
      tickets: [...ids.slice(0, 2)].sort(),
    });
    expect(await bindings(ids)).toEqual([3, 3, 2, 2, 2]);
    await expect(migrateTickets(ctx, ROLLOUT_FLOW, { from: 2, to: 3, tickets: [ids[0]!] }, 'ops')).rejects.toMatchObject({
      status: 400,
      details: [{ path: `tickets.${ids[0]}` }],
    });
    // The migrated tickets' waits go on in version 3: their timeout escalates them there.
    clock.advance(2 * HOUR);
    await createWorker(ctx).runUntilIdle();
    for (const id of ids) expect((await getTicket(store.db, id))?.escalationLevel).toBe(1);
    expect((await getRollout(ctx, ROLLOUT_FLOW)).history[0]).toMatchObject({
      kind: 'tickets.migrated',
      actor: 'ops',
      detail: { fromVersion: 2, toVersion: 3, count: 2 },
    });
  });
});
