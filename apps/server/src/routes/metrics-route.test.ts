import { createManualClock, createRuntimeMetrics, createWorker, deployVersion, type RuntimeContext } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../create-app';
import { registry, TEST_ADMIN_TOKEN, testApp } from '../__fixtures__/test-app';

const METRICS_TOKEN = 'scraper-token-0123456789';

/** A flow that sets the priority on creation: one event applied per ticket, no effect. */
const setPriority = {
  id: 'metrics-priority',
  name: 'Metrics priority',
  description: '',
  nodes: [
    { id: 'created', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    { id: 'urgent', type: 'set_priority', config: { priority: 'high' }, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'created__next', source: 'created', sourceHandle: 'next', target: 'urgent' }],
};

/** The value of one sample line (`name{labels} value`) of a Prometheus text exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testDatabases)('GET /metrics on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  const metrics = createRuntimeMetrics();
  let ctx: RuntimeContext;
  const scrape = async (token: string | undefined) => {
    const app = createApp({ ctx, adminToken: TEST_ADMIN_TOKEN, metricsToken: METRICS_TOKEN });
    return app.request('/metrics', { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  };

  beforeAll(async () => {
    const clock = createManualClock('2026-05-01T09:00:00+08:00');
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }), metrics };
    const t = testApp(store);
    await t.call('POST', '/api/flows', { name: 'Metrics priority', document: setPriority });
    await t.call('POST', '/api/flows/metrics-priority/versions');
    await deployVersion(t.ctx, 'metrics-priority', 1, 'test', 0);
  }, 60_000);

  it('counts created tickets and applied events, and shows the backlog, in Prometheus text', async () => {
    const app = createApp({ ctx, adminToken: TEST_ADMIN_TOKEN });
    for (const subject of ['一', '二', '三']) {
      const res = await app.request('/api/tickets', {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'web', subject, customer: { id: 'C1' } }),
      });
      expect(res.status).toBe(201);
    }
    const before = await (await scrape(METRICS_TOKEN)).text();
    expect(sample(before, 'switchyard_tickets_created_total{via="api"}')).toBe(3);
    expect(sample(before, 'switchyard_tickets_due')).toBe(3);
    expect(sample(before, 'switchyard_events_pending')).toBe(3);

    await createWorker(ctx).runUntilIdle();
    const res = await scrape(TEST_ADMIN_TOKEN);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = await res.text();
    expect(sample(after, 'switchyard_events_applied_total{source="ticket"}')).toBe(3);
    expect(sample(after, 'switchyard_event_apply_latency_seconds_count{source="ticket"}')).toBe(3);
    expect(sample(after, 'switchyard_tickets_due')).toBe(0);
    expect(sample(after, 'switchyard_events_pending')).toBe(0);
    expect(sample(after, 'switchyard_effects{status="dead"}')).toBe(0);
  });

  it('answers 401 without a token, 403 to a role without runtime.read, and opens to the metrics token', async () => {
    expect((await scrape(undefined)).status).toBe(401);
    expect((await scrape('not-a-token')).status).toBe(401);
    const agent = await testApp(store).as('agent');
    expect((await scrape(agent.token)).status).toBe(403);
    const ops = await testApp(store).as('ops');
    expect((await scrape(ops.token)).status).toBe(200);
    expect((await scrape(METRICS_TOKEN)).status).toBe(200);
  });
});
