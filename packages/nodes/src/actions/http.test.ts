import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, validateFlow } from '@switchyard/flow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinNodes, createNodeRegistry } from '../index';
import { createTestContext, parseConfig, startTestHttpServer, type TestHttpHandler, type TestHttpServer } from '../testing/index';
import { http } from './http';

/** A logistics service stand-in: routes by path, echoes the body it was sent. */
const logistics: TestHttpHandler = (request) => {
  if (request.url.startsWith('/slow')) return { delayMs: Number.POSITIVE_INFINITY }; // never answers
  if (request.url.startsWith('/missing')) return { status: 404, body: { error: 'not found' } };
  if (request.url.startsWith('/empty')) return { status: 204 };
  return { body: { status: '运输中', eta: '2024-05-09', echo: request.text || null } };
};

let server: TestHttpServer;
let base = '';

beforeEach(async () => {
  server = await startTestHttpServer(logistics);
  base = server.url;
});

afterEach(async () => {
  await server.close();
});

const ctx = (signal?: AbortSignal) =>
  createTestContext({
    ticket: { id: 'T42', number: 'GD42', body: '订单 DD2024050188 到哪了' },
    idempotencyKey: 'T42:logistics:track:1',
    httpAllow: [server.host],
    ...(signal ? { signal } : {}),
  });

describe('http', () => {
  it('GETs the rendered url and returns the JSON response as output', async () => {
    const config = parseConfig(http, { url: `${base}/track/{{orderNumber}}` });
    const result = await http.run(ctx(), config);
    expect(result.output).toEqual({ status: '运输中', eta: '2024-05-09', echo: null });
    expect(result.params).toEqual({ method: 'GET', url: `${base}/track/DD2024050188`, status: 200 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/track/DD2024050188' });
  });

  it('sends the idempotency key, its own headers and a rendered body', async () => {
    const config = parseConfig(http, {
      method: 'POST',
      url: `${base}/notes`,
      headers: { 'x-api-key': 'k1' },
      body: '{"ticket":"{{ticket.number}}"}',
    });
    const result = await http.run(ctx(), config);
    expect(server.requests[0]?.headers).toMatchObject({
      'idempotency-key': 'T42:logistics:track:1',
      'x-api-key': 'k1',
      'content-type': 'application/json',
    });
    expect(server.requests[0]?.text).toBe('{"ticket":"GD42"}');
    expect(result.output).toMatchObject({ echo: '{"ticket":"GD42"}' });
  });

  it('returns null output for an empty response', async () => {
    const result = await http.run(ctx(), parseConfig(http, { method: 'DELETE', url: `${base}/empty` }));
    expect(result.output).toBeNull();
  });

  it('throws on a non-2xx answer, naming the status', async () => {
    await expect(http.run(ctx(), parseConfig(http, { url: `${base}/missing` }))).rejects.toThrow(`GET ${base}/missing answered 404`);
  });

  it('aborts when the service does not answer within timeoutMs', async () => {
    const config = parseConfig(http, { url: `${base}/slow`, timeoutMs: 100 });
    await expect(http.run(ctx(), config)).rejects.toThrow(/abort|timeout/i);
  });

  it('aborts when the host cancels the step', async () => {
    const controller = new AbortController();
    const pending = http.run(ctx(controller.signal), parseConfig(http, { url: `${base}/slow` }));
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('simulates with sampleResponse and makes no request', () => {
    const config = parseConfig(http, { url: `${base}/track/{{orderNumber}}`, sampleResponse: { status: '已签收' } });
    expect(http.simulate!(ctx(), config)).toEqual({
      params: { method: 'GET', url: `${base}/track/DD2024050188`, simulated: true },
      output: { status: '已签收' },
    });
    expect(server.requests).toEqual([]);
  });

  it('is a side effect, and refuses a broken template or a timeout out of range', () => {
    expect(http.sideEffect).toBe(true);
    expect(http.config.safeParse({ url: `${base}/{{orderNumber` }).success).toBe(false);
    expect(http.config.safeParse({ url: base, timeoutMs: 10 }).success).toBe(false);
  });
});

// Issue 15: templates inserted values as is. The shipped logistics example turned an orderId
// of `../../admin/users?delete=all#` into a call to /api/admin/users?delete=all, and a body
// template {"leak":"{{ticket.body}}"} let a customer add JSON fields.
describe('http escapes what a customer can put in a template', () => {
  const logisticsExample = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../../examples/flows/02-logistics-auto-reply.json'), 'utf8'),
  ) as { nodes: { id: string; config?: { url?: string } }[] };
  const exampleUrl = logisticsExample.nodes.find((n) => n.id === 'lr-track')?.config?.url ?? '';

  it("keeps the logistics example's call under its tracking path whatever the orderId", async () => {
    expect(exampleUrl).toBe('http://127.0.0.1:4010/api/v1/tracking/{{orderNumber}}');
    const url = exampleUrl.replace('http://127.0.0.1:4010', base);
    const hostile = createTestContext({ ticket: { orderId: '../../admin/users?delete=all#' }, httpAllow: [server.host] });
    await http.run(hostile, parseConfig(http, { url }));
    expect(server.requests).toHaveLength(1);
    const received = new URL(server.requests[0]!.url, base);
    expect(received.pathname).toBe('/api/v1/tracking/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%23');
    expect(decodeURIComponent(received.pathname.slice('/api/v1/tracking/'.length))).toBe('../../admin/users?delete=all#');
    expect(received.search).toBe('');
  });

  it('fails the step, calling nothing, when the value is a lone ".."', async () => {
    const dots = createTestContext({ ticket: { orderId: '..' }, httpAllow: [server.host] });
    await expect(http.run(dots, parseConfig(http, { url: `${base}/api/v1/tracking/{{orderNumber}}` }))).rejects.toThrow(
      /climb out of the path/,
    );
    expect(server.requests).toEqual([]);
  });

  it("sends a JSON body with exactly the author's keys, the payload as one string value", async () => {
    const payload = 'hi","admin":true,"role":"root';
    const ctx = createTestContext({ ticket: { number: 'GD42', body: payload }, httpAllow: [server.host] });
    await http.run(
      ctx,
      parseConfig(http, { method: 'POST', url: `${base}/notes`, body: '{"leak":"{{ticket.body}}","ticket":{{ticket.number}}}' }),
    );
    expect(server.requests[0]?.body).toEqual({ leak: payload, ticket: 'GD42' });
  });

  it('form-encodes values in a form body', async () => {
    const ctx = createTestContext({ ticket: { body: 'a&admin=1' }, httpAllow: [server.host] });
    const config = parseConfig(http, {
      method: 'POST',
      url: `${base}/form`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'note={{ticket.body}}&n=1',
    });
    await http.run(ctx, config);
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]!.text))).toEqual({ note: 'a&admin=1', n: '1' });
  });

  it('warns at validation where the author inserts a value raw, naming the node and field in both languages', () => {
    const flow = {
      id: 'raw',
      name: 'Raw',
      nodes: [
        { id: 'start', type: 'ticket_created' },
        {
          id: 'call',
          type: 'http',
          config: { method: 'POST', url: 'https://erp.example/{{{ticket.orderId}}}', body: '{"order": {{{ticket.body}}}}' },
        },
        { id: 'failed', type: 'end' },
      ],
      // The error branch is wired: an unguarded call would add its own warning (unguarded_side_effect).
      edges: [
        { id: 'e1', source: 'start', target: 'call' },
        { id: 'e2', source: 'call', sourceHandle: 'error', target: 'failed' },
      ],
    };
    const { ok, diagnostics } = validateFlow(flow, createNodeRegistry(builtinNodes));
    expect(ok).toBe(true); // a warning, not an error: the author asked for it
    expect(diagnostics.map((d) => [d.code, d.severity, d.nodeId, d.field])).toEqual([
      ['config_warning', 'warning', 'call', 'config.url'],
      ['config_warning', 'warning', 'call', 'config.body'],
    ]);
    expect(diagnostics[0]!.message).toMatch(/^node call: config\.url: a \{\{\{ \}\}\} tag inserts its value into the URL unencoded/);
    expect(formatDiagnostic(diagnostics[0]!, 'zh-CN')).toMatch(/^节点 call 的配置 config\.url：\{\{\{ \}\}\} 标记会把值原样放入 URL/);
    expect(formatDiagnostic(diagnostics[1]!, 'zh-CN')).toMatch(/^节点 call 的配置 config\.body：\{\{\{ \}\}\} 标记会把值原样放入请求体/);
  });

  it('warns about a body type it cannot escape, and says nothing for escaped templates', () => {
    const warnings = (config: Parameters<typeof parseConfig<typeof http.config>>[1]) => http.warnings!(parseConfig(http, config));
    expect(warnings({ url: `${base}/x`, headers: { 'content-type': 'text/xml' }, body: '<note>{{ticket.body}}</note>' })).toEqual([
      { field: 'body', message: expect.stringMatching(/unescaped/) as unknown },
    ]);
    expect(warnings({ url: `${base}/{{orderNumber}}`, body: '{"a":"{{ticket.body}}"}' })).toEqual([]);
  });
});
