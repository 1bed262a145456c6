import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHttpServer, type TestHttpServer } from '../testing/test-http-server';
import { createHttpClient, HttpError, noHttp } from './node-http';

let server: TestHttpServer;
beforeEach(async () => {
  server = await startTestHttpServer({ body: { ok: true } });
});
afterEach(async () => {
  await server.close();
});

const client = (options: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  createHttpClient({ idempotencyKey: 't1:f:n:1', allow: [server.host], ...options });

describe('createHttpClient', () => {
  it('sends JSON with the idempotency key, and parses the JSON answer', async () => {
    const response = await client().post(`${server.url}/orders`, { n: 1 }, { headers: { authorization: 'Bearer k' } });
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      headers: { 'idempotency-key': 't1:f:n:1', 'content-type': 'application/json', authorization: 'Bearer k' },
      body: { n: 1 },
    });
  });

  it('keeps the run key over a header of the same name, and leaves it out when asked', async () => {
    await client().get(server.url, { headers: { 'idempotency-key': 'other' } });
    await client().get(server.url, { idempotencyKey: false });
    expect(server.requests[0]?.headers['idempotency-key']).toBe('t1:f:n:1');
    expect(server.requests[1]?.headers['idempotency-key']).toBeUndefined();
  });

  it('throws on a non-2xx answer naming method, URL without its query, status and the service error', async () => {
    server.answerWith({ status: 503, body: { error: 'maintenance' } });
    const failure = client().get(`${server.url}/orders/DD1?token=sk-in-query`);
    await expect(failure).rejects.toThrow(new HttpError(`GET ${server.url}/orders/DD1 answered 503: maintenance`, 503));
    await expect(client().get(`${server.url}/x?token=sk-in-query`)).rejects.not.toThrow(/sk-in-query/);
  });

  it('returns a status the call accepts instead of throwing', async () => {
    server.answerWith({ status: 404, body: { error: 'no such order' } });
    expect(await client().get(server.url, { accept: [404] })).toMatchObject({ status: 404, body: { error: 'no such order' } });
  });

  it('times out after the client default or the call limit, naming the limit', async () => {
    server.answerWith({ delayMs: 1_000 });
    await expect(client({ timeoutMs: 100 }).get(server.url)).rejects.toThrow(`GET ${server.url}/ timed out after 100 ms`);
    await expect(client().get(server.url, { timeoutMs: 120 })).rejects.toThrow('timed out after 120 ms');
  });

  it("stops when the host's signal is aborted", async () => {
    server.answerWith({ delayMs: 1_000 });
    const controller = new AbortController();
    const pending = client({ signal: controller.signal }).get(server.url);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow(/cancelled/);
  });

  it('gives text for a body that is not JSON and null for an empty one', async () => {
    server.answerWith(() => ({ status: 204 }));
    expect((await client().get(server.url)).body).toBeNull();
  });
});

describe('noHttp', () => {
  it('refuses every call, saying where', async () => {
    await expect(noHttp('in a dry-run').get('http://erp/orders')).rejects.toThrow('GET http://erp/orders: no HTTP calls in a dry-run');
  });
});
