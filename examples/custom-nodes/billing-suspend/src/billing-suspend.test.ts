import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  createCollectingLogger,
  createTestContext,
  startTestHttpServer,
  type TestContextOptions,
  type TestHttpServer,
} from '@switchyard/nodes/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingSuspend, DEFAULT_BILLING_URL } from './billing-suspend';

/** A billing service stand-in: each test gets a fresh one that records every request. */
let server: TestHttpServer;
let baseUrl: string;

beforeEach(async () => {
  server = await startTestHttpServer({ status: 200, body: { suspended: true } });
  baseUrl = server.url;
});

afterEach(async () => {
  await server.close();
});

/** A VIP's complaint about a paid feature (SCENARIOS.md, scenario 10). */
const context = (signal?: AbortSignal, extra: Partial<TestContextOptions> = {}) =>
  createTestContext({
    httpAllow: [server.host],
    ...extra,
    ticket: {
      id: 't-1001',
      number: 'GD202405001',
      channel: 'email',
      subject: '投诉：会员功能无法使用',
      body: '付费会员的导出功能三天打不开了',
      customer: { id: 'C202405001', name: '张先生', tier: 'vip' },
      category: 'complaint',
      priority: 'urgent',
      group: 'supervisors',
      createdAt: '2026-01-05T09:00:00+08:00',
    },
    idempotencyKey: 't-1001:complaint-billing:cb-suspend:1',
    ...(signal ? { signal } : {}),
  });

const config = (input: Record<string, unknown> = {}) => billingSuspend.config.parse({ serviceUrl: baseUrl, ...input });

describe('billing.suspend', () => {
  it('POSTs the customer, ticket and reason with the idempotency key and returns the answer as output', async () => {
    const result = await billingSuspend.run(context(), config({ reason: '付费功能投诉' }));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/subscriptions/suspend',
      headers: { 'idempotency-key': 't-1001:complaint-billing:cb-suspend:1', 'content-type': 'application/json' },
      body: { customerId: 'C202405001', ticketId: 't-1001', reason: '付费功能投诉' },
    });
    expect(result.params).toMatchObject({ customerId: 'C202405001', ticketId: 't-1001', status: 200 });
    expect(result.output).toEqual({ suspended: true });
  });

  it('sends the BILLING_API_KEY secret as a bearer token, and never in what it returns', async () => {
    const result = await billingSuspend.run(context(undefined, { secrets: { BILLING_API_KEY: 'sk-billing-123' } }), config());
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-billing-123');
    expect(JSON.stringify(result)).not.toContain('sk-billing-123');
  });

  it('calls without a key when BILLING_API_KEY is not set, and logs a warning naming it', async () => {
    const logger = createCollectingLogger();
    await billingSuspend.run(context(undefined, { logger }), config());
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(logger.entries[0]).toMatchObject({ level: 'warn', message: expect.stringContaining('BILLING_API_KEY') as string });
  });

  it('declares the secret it reads, so the catalog lists it', () => {
    expect(billingSuspend.secrets).toEqual(['BILLING_API_KEY']);
  });

  it('joins a service url with a trailing slash without doubling it', async () => {
    await billingSuspend.run(context(), config({ serviceUrl: `${baseUrl}/` }));
    expect(server.requests[0]?.url).toBe('/subscriptions/suspend');
  });

  it('fails the step on a non-2xx answer, naming the status', async () => {
    server.answerWith({ status: 503, body: { error: 'maintenance' } });
    await expect(billingSuspend.run(context(), config())).rejects.toThrow(/answered 503/);
  });

  it('fails the step when the service does not answer within the timeout', async () => {
    server.answerWith({ status: 200, body: {}, delayMs: 1_000 });
    await expect(billingSuspend.run(context(), config({ timeoutMs: 100 }))).rejects.toThrow();
  });

  it("stops when the host's signal is aborted", async () => {
    server.answerWith({ status: 200, body: {}, delayMs: 1_000 });
    const controller = new AbortController();
    const pending = billingSuspend.run(context(controller.signal), config());
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow();
  });

  it('accepts a 2xx answer with an empty body', async () => {
    server.answerWith({ status: 204 });
    const result = await billingSuspend.run(context(), config());
    expect(result.output).toEqual({});
  });

  it('simulates without any request, reporting what it would send', () => {
    const result = billingSuspend.simulate?.(context(), config({ reason: 'dry run' }));
    expect(server.requests).toHaveLength(0);
    expect(result?.params).toEqual({
      customerId: 'C202405001',
      ticketId: 't-1001',
      reason: 'dry run',
      url: `${baseUrl}/subscriptions/suspend`,
      simulated: true,
    });
  });

  it('defaults the service url to BILLING_URL, else the local default', () => {
    const saved = process.env.BILLING_URL;
    try {
      delete process.env.BILLING_URL;
      expect(billingSuspend.config.parse({}).serviceUrl).toBe(DEFAULT_BILLING_URL);
      process.env.BILLING_URL = 'http://billing.internal:8080';
      expect(billingSuspend.config.parse({}).serviceUrl).toBe('http://billing.internal:8080');
    } finally {
      if (saved === undefined) delete process.env.BILLING_URL;
      else process.env.BILLING_URL = saved;
    }
  });

  it('rejects a service url that is not a URL', () => {
    expect(billingSuspend.config.safeParse({ serviceUrl: 'billing' }).success).toBe(false);
  });

  it('registers beside the built-ins under its namespaced type', () => {
    const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
    expect(registry.get('billing.suspend')?.kind).toBe('action');
  });
});
