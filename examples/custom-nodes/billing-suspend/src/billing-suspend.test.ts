import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ActionContext, builtinNodes, createNodeRegistry, EMPTY_ROSTER, EMPTY_STATS } from '@switchyard/nodes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { billingSuspend, DEFAULT_BILLING_URL } from './billing-suspend';

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A real billing service stand-in: answers with whatever `answer` says, records every request. */
let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer: { status: number; body: string; delayMs?: number } = { status: 200, body: '{"suspended":true}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: body ? (JSON.parse(body) as unknown) : undefined });
      const send = () => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  received = [];
  answer = { status: 200, body: '{"suspended":true}' };
});

function context(overrides: Partial<ActionContext> = {}): ActionContext {
  const ctx: ActionContext = {
    ticket: {
      id: 't-1001',
      number: 'GD202405001',
      channel: 'email',
      subject: '投诉：会员功能无法使用',
      body: '付费会员的导出功能三天打不开了',
      customer: { id: 'C202405001', name: '张先生', tier: 'vip' },
      category: 'complaint',
      priority: 'urgent',
      status: 'new',
      group: 'supervisors',
      assignee: null,
      tags: [],
      flags: [],
      escalationLevel: 0,
      createdAt: '2026-01-05T09:00:00+08:00',
    },
    stats: EMPTY_STATS,
    now: new Date('2026-01-05T01:00:00Z'),
    vars: {},
    roster: EMPTY_ROSTER,
    idempotencyKey: 't-1001:complaint-billing:cb-suspend:1',
    render: (template) => template,
    ...overrides,
  };
  return ctx;
}

const config = (input: Record<string, unknown> = {}) => billingSuspend.config.parse({ serviceUrl: baseUrl, ...input });

describe('billing.suspend', () => {
  it('POSTs the customer, ticket and reason with the idempotency key and returns the answer as output', async () => {
    const result = await billingSuspend.run(context(), config({ reason: '付费功能投诉' }));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/subscriptions/suspend',
      headers: { 'idempotency-key': 't-1001:complaint-billing:cb-suspend:1', 'content-type': 'application/json' },
      body: { customerId: 'C202405001', ticketId: 't-1001', reason: '付费功能投诉' },
    });
    expect(result.params).toMatchObject({ customerId: 'C202405001', ticketId: 't-1001', status: 200 });
    expect(result.output).toEqual({ suspended: true });
  });

  it('joins a service url with a trailing slash without doubling it', async () => {
    await billingSuspend.run(context(), config({ serviceUrl: `${baseUrl}/` }));
    expect(received[0]?.url).toBe('/subscriptions/suspend');
  });

  it('fails the step on a non-2xx answer, naming the status', async () => {
    answer = { status: 503, body: '{"error":"maintenance"}' };
    await expect(billingSuspend.run(context(), config())).rejects.toThrow(/answered 503/);
  });

  it('fails the step when the service does not answer within the timeout', async () => {
    answer = { status: 200, body: '{}', delayMs: 1_000 };
    await expect(billingSuspend.run(context(), config({ timeoutMs: 100 }))).rejects.toThrow();
  });

  it("stops when the host's signal is aborted", async () => {
    answer = { status: 200, body: '{}', delayMs: 1_000 };
    const controller = new AbortController();
    const pending = billingSuspend.run(context({ signal: controller.signal }), config());
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow();
  });

  it('accepts a 2xx answer with an empty body', async () => {
    answer = { status: 204, body: '' };
    const result = await billingSuspend.run(context(), config());
    expect(result.output).toEqual({});
  });

  it('simulates without any request, reporting what it would send', () => {
    const result = billingSuspend.simulate?.(context(), config({ reason: 'dry run' }));
    expect(received).toHaveLength(0);
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
