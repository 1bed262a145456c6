import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testing } from '../index';
import { http } from './http';

const { createTestContext, parseConfig, startTestHttpServer } = testing;

/** A logistics service stand-in: routes by path, echoes the body it was sent. */
const logistics: testing.TestHttpHandler = (request) => {
  if (request.url.startsWith('/slow')) return { delayMs: Number.POSITIVE_INFINITY }; // never answers
  if (request.url.startsWith('/missing')) return { status: 404, body: { error: 'not found' } };
  if (request.url.startsWith('/empty')) return { status: 204 };
  return { body: { status: '运输中', eta: '2024-05-09', echo: request.text || null } };
};

let server: testing.TestHttpServer;
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
