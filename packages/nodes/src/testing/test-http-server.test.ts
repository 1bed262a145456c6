import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHttpServer, type TestHttpServer } from './index';

let server: TestHttpServer;

beforeEach(async () => {
  server = await startTestHttpServer();
});

afterEach(async () => {
  await server.close();
});

describe('startTestHttpServer', () => {
  it('listens on 127.0.0.1 and answers 200 with no body until told otherwise', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('records method, url, headers, raw text and the parsed JSON body, in order', async () => {
    await fetch(`${server.url}/a?x=1`, { method: 'POST', headers: { 'x-api-key': 'k1' }, body: '{"n":1}' });
    await fetch(`${server.url}/b`);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/a?x=1',
      headers: { 'x-api-key': 'k1' },
      text: '{"n":1}',
      body: { n: 1 },
    });
    expect(server.requests[1]).toMatchObject({ method: 'GET', url: '/b', text: '', body: undefined });
  });

  it('keeps a body that is not JSON as text', async () => {
    await fetch(server.url, { method: 'PUT', body: '订单 DD1' });
    expect(server.requests[0]?.body).toBe('订单 DD1');
  });

  it('answers with the status and JSON body it is given, from then on', async () => {
    server.answerWith({ status: 503, body: { error: 'maintenance' } });
    const response = await fetch(server.url);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ error: 'maintenance' });
  });

  it('starts with the answer it is given', async () => {
    const other = await startTestHttpServer({ status: 201, body: ['ok'] });
    try {
      const response = await fetch(other.url);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual(['ok']);
    } finally {
      await other.close();
    }
  });

  it('lets a handler choose the answer from the request', async () => {
    server.answerWith((request) => (request.url === '/missing' ? { status: 404 } : { body: { echo: request.body } }));
    expect((await fetch(`${server.url}/missing`)).status).toBe(404);
    const response = await fetch(server.url, { method: 'POST', body: '{"n":2}' });
    expect(await response.json()).toEqual({ echo: { n: 2 } });
  });

  it('answers 500 naming the error when the handler throws', async () => {
    server.answerWith(() => {
      throw new Error('bad handler');
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('bad handler');
  });

  it('delays the answer by delayMs', async () => {
    server.answerWith({ body: {}, delayMs: 150 });
    const started = performance.now();
    await fetch(server.url);
    // A little slack: timers may fire a millisecond early relative to performance.now().
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('never answers with delayMs Infinity, and still closes with the request open', async () => {
    server.answerWith({ delayMs: Number.POSITIVE_INFINITY });
    await expect(fetch(server.url, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    expect(server.requests).toHaveLength(1);
    const pending = fetch(server.url).catch((error: unknown) => error);
    await expect.poll(() => server.requests.length).toBe(2);
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
    server = await startTestHttpServer(); // afterEach closes whatever `server` is
  });
});
