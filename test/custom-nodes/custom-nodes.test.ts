import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { deployVersion, loadRegistry, readAuditRow } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { type RunningServer, startServer } from '@switchyard/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from './__fixtures__/capture-logs';
import { type FakeServices, startFakeServices } from './__fixtures__/fake-services';

/*
 * Issue #6, done when: a project installs the example node packages (its switchyard.config.ts),
 * the server lists them, a published flow uses them on a real ticket (the billing call times
 * out once and is retried, yet performed once), and the same flow dry-runs through simulate.
 * Secret values show up nowhere but in the request to the service that needs them.
 */
const CONFIG = fileURLToPath(new URL('./__fixtures__/custom-nodes.config.ts', import.meta.url));
const BILLING_KEY = `sk-billing-${randomBytes(8).toString('hex')}`;
const ERP_TOKEN = `erp-token-${randomBytes(8).toString('hex')}`;
const ADMIN_TOKEN = 'custom-nodes-test-token';

const flow = (serviceUrl: string) => ({
  id: 'vip-refund-billing',
  name: 'Delivered order complaint: suspend billing',
  nodes: [
    { id: 'created', type: 'ticket_created', config: {} },
    { id: 'order', type: 'erp.order_lookup', config: { serviceUrl, sampleOrder: { status: 'delivered', amount: 899 } } },
    { id: 'delivered', type: 'expression', config: { expression: 'vars.order.found && vars.order.status == "delivered"' } },
    { id: 'suspend', type: 'billing.suspend', config: { serviceUrl, timeoutMs: 300, reason: '已签收订单投诉' } },
    { id: 'tag', type: 'add_tag', config: { tag: 'billing_suspended' } },
    { id: 'done', type: 'end', config: {} },
  ],
  edges: [
    { id: 'e1', source: 'created', sourceHandle: 'next', target: 'order' },
    { id: 'e2', source: 'order', sourceHandle: 'next', target: 'delivered' },
    { id: 'e3', source: 'delivered', sourceHandle: 'true', target: 'suspend' },
    { id: 'e4', source: 'delivered', sourceHandle: 'false', target: 'done' },
    { id: 'e5', source: 'suspend', sourceHandle: 'next', target: 'tag' },
  ],
});

const complaint = {
  channel: 'email',
  subject: '投诉：会员功能',
  body: '订单 DD202405001 已签收，但会员功能一直打不开',
  customer: { id: 'C202405001', name: '张先生', tier: 'vip' },
};

describe.each(testDatabases)('custom node packages end to end on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let server: RunningServer;
  let services: FakeServices;
  const logs = captureLogs();
  /** Every API answer of the test, to search for secret values at the end. */
  const answers: string[] = [];

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    answers.push(text);
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  };

  beforeAll(async () => {
    services = await startFakeServices();
    server = await startServer({
      port: 0,
      seed: false,
      database: store,
      registry: await loadRegistry(process.cwd(), CONFIG),
      logger: logs.logger,
      secrets: { env: { SWITCHYARD_SECRET_ERP_API_TOKEN: ERP_TOKEN }, key: randomBytes(32) },
      worker: { pollMs: 20, delivery: { backoffMs: 20 } },
      httpAllow: [services.server.host],
      adminToken: ADMIN_TOKEN,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await services?.server.close();
  });

  it('lists the installed nodes in the catalog with generated-form schemas and their secrets by name', async () => {
    expect((await call('PUT', '/api/secrets/BILLING_API_KEY', { value: BILLING_KEY })).status).toBe(200);
    const { body } = await call('GET', '/api/nodes');
    const nodes = body as { type: string; configSchema: unknown; secrets?: unknown }[];
    expect(nodes.find((n) => n.type === 'billing.suspend')).toMatchObject({
      kind: 'action',
      sideEffect: true,
      secrets: [{ name: 'BILLING_API_KEY', set: true }],
    });
    expect(nodes.find((n) => n.type === 'erp.order_lookup')).toMatchObject({
      title: { en: 'Look up order (ERP)', 'zh-CN': '查询订单（ERP）' },
      ports: ['next', 'error'],
      configSchema: { type: 'object', properties: { orderNumber: { type: 'string' }, timeoutMs: { type: 'integer' } } },
      secrets: [{ name: 'ERP_API_TOKEN', set: true }],
    });
  });

  it('runs a published flow on a ticket: the ERP order decides, billing is suspended once despite a timed-out first try', async () => {
    const created = await call('POST', '/api/flows', { name: 'billing', document: flow(services.server.url) });
    expect(created.status).toBe(201);
    expect(await call('POST', '/api/flows/vip-refund-billing/versions')).toMatchObject({ status: 201 });
    await deployVersion(server.ctx, 'vip-refund-billing', 1, 'test');

    services.slowNext(1_500); // past the node's timeoutMs of 300: the worker gives up and retries with the same key
    const ticket = (await call('POST', '/api/tickets', complaint)).body as { id: string };
    await expect
      .poll(async () => ((await call('GET', `/api/tickets/${ticket.id}`)).body as { tags: string[] }).tags, {
        timeout: 20_000,
        interval: 100,
      })
      .toContain('billing_suspended');

    const suspends = services.server.requests.filter((r) => r.url === '/subscriptions/suspend');
    expect(suspends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(suspends.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`${ticket.id}:vip-refund-billing:suspend:1`]));
    expect(services.suspensions.size).toBe(1);
    expect(suspends[0]?.headers.authorization).toBe(`Bearer ${BILLING_KEY}`);
    const lookup = services.server.requests.find((r) => r.url.startsWith('/erp/orders/'));
    expect(lookup?.headers['x-api-key']).toBe(ERP_TOKEN);

    const history = (await call('GET', `/api/tickets/${ticket.id}/history`)).body as {
      kind: string;
      detail: { node?: string; error?: string };
    }[];
    expect(history.find((h) => h.kind === 'effect.retry')?.detail).toMatchObject({
      node: 'suspend',
      error: 'node suspend timed out after 300 ms',
    });
    expect(history.filter((h) => h.kind === 'effect.delivered').map((h) => h.detail.node)).toEqual(['order', 'suspend']);
  }, 30_000);

  it('dry-runs the same flow through simulate, calling nothing', async () => {
    const before = services.server.requests.length;
    const { status, body } = await call('POST', '/api/flows/vip-refund-billing/dry-run', {
      version: 1,
      others: 'none',
      tickets: [{ id: 'dry-1', ...complaint }],
    });
    expect(status).toBe(200);
    const [result] = body as {
      actions: { node: string; type: string; params: Record<string, unknown> }[];
      final: { tags: string[] };
      errors: unknown[];
    }[];
    expect(result?.errors).toEqual([]);
    expect(result?.actions.map((a) => [a.node, a.type])).toEqual([
      ['order', 'erp.order_lookup'],
      ['suspend', 'billing.suspend'],
      ['tag', 'add_tag'],
    ]);
    expect(result?.actions[0]?.params).toEqual({ orderNumber: 'DD202405001', simulated: true });
    expect(result?.actions[1]?.params).toMatchObject({ customerId: 'C202405001', simulated: true });
    expect(result?.final.tags).toContain('billing_suspended');
    expect(services.server.requests.length).toBe(before);
  });

  it('keeps secret values out of every API answer, the audit, the outbox and the logs', async () => {
    answers.push(JSON.stringify((await call('GET', '/api/secrets')).body));
    answers.push(JSON.stringify((await call('GET', '/api/effects')).body));
    const secrets = (await call('GET', '/api/secrets')).body as { name: string }[];
    expect(secrets).toEqual(
      expect.arrayContaining([
        {
          name: 'BILLING_API_KEY',
          set: true,
          source: 'table',
          encrypted: true,
          updatedAt: expect.any(String) as string,
          usedBy: ['billing.suspend'],
        },
        { name: 'ERP_API_TOKEN', set: true, source: 'env', encrypted: null, updatedAt: null, usedBy: ['erp.order_lookup'] },
      ]),
    );
    // The raw rows (packed ones included) for the search below; the entries, through the view, for the kinds.
    const audit = await store.db.selectFrom('audit_log').selectAll().execute();
    const entries = await store.db
      .selectFrom('audit_entries')
      .select(['id', 'at', 'actor', 'ticket_id', 'flow_id', 'kind', 'detail'])
      .execute();
    expect(
      entries
        .map(readAuditRow)
        .filter((a) => a.kind === 'secret.saved')
        .map((a) => a.detail),
    ).toEqual([{ name: 'BILLING_API_KEY', encrypted: true }]);
    const outbox = await store.db.selectFrom('outbox').selectAll().execute();
    const stored = await store.db.selectFrom('secrets').selectAll().execute();
    const everything = [...answers, JSON.stringify(audit), JSON.stringify(outbox), JSON.stringify(stored), ...logs.lines].join('\n');
    expect(logs.lines.some((l) => l.includes('"billing suspended"'))).toBe(true);
    expect(everything).not.toContain(BILLING_KEY);
    expect(everything).not.toContain(ERP_TOKEN);
  });
});
