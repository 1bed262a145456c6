import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHttpServer, type TestHttpServer } from '../../testing/test-http-server';
import { HttpRefusedError } from '../http-error';
import { createHttpClient } from '../node-http';

// End to end on loopback only: the refused server is real and must see no request.
let internal: TestHttpServer;
let allowed: TestHttpServer;
beforeEach(async () => {
  internal = await startTestHttpServer({ body: { secret: 'internal' } });
  allowed = await startTestHttpServer({ body: { ok: true } });
});
afterEach(async () => {
  await Promise.all([internal.close(), allowed.close()]);
});

const client = (allow: readonly string[] = [], resolve?: Parameters<typeof createHttpClient>[0]['resolve']) =>
  createHttpClient({ idempotencyKey: 'T1:f:n:1', allow, ...(resolve ? { resolve } : {}) });
const port = (server: TestHttpServer) => new URL(server.url).port;

describe('the destination guard of ctx.http', () => {
  it('refuses a loopback address written in the URL, naming host, address and the setting to change', async () => {
    const call = client().get(`${internal.url}/admin`);
    await expect(call).rejects.toThrow(HttpRefusedError);
    await expect(call).rejects.toThrow(
      `GET ${internal.url}/admin refused: 127.0.0.1 is a loopback address; flows may not call internal addresses unless SWITCHYARD_HTTP_ALLOW lists "${internal.host}"`,
    );
    await expect(call).rejects.toThrow(/已拒绝 .*回环地址/);
    expect(internal.requests).toEqual([]);
  });

  it('refuses a DNS name that resolves to loopback (checked after resolution)', async () => {
    await expect(client().get(`http://localhost:${port(internal)}/admin`)).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    );
    expect(internal.requests).toEqual([]);
  });

  it("refuses a name whose DNS answer holds a loopback address among public ones (a rebinding name's trick)", async () => {
    const resolve = () =>
      Promise.resolve([
        { address: '127.0.0.1', family: 4 },
        { address: '93.184.216.34', family: 4 },
      ]);
    const error = await client([], resolve)
      .get(`http://erp.rebind.test:${port(internal)}/x`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpRefusedError);
    expect(error).toMatchObject({ host: `erp.rebind.test:${port(internal)}` });
    expect(internal.requests).toEqual([]);
  });

  it('follows a redirect from an allowed host and refuses the hop to an internal one', async () => {
    allowed.answerWith({ status: 302, headers: { location: `http://localhost:${port(internal)}/steal` } });
    await expect(client([allowed.host]).get(`${allowed.url}/start`)).rejects.toThrow(
      new RegExp(`GET http://localhost:${port(internal)}/steal refused: localhost resolves to`),
    );
    allowed.answerWith({ status: 307, headers: { location: `${internal.url}/steal` } });
    await expect(client([allowed.host]).post(`${allowed.url}/start`, { a: 1 })).rejects.toThrow(
      /POST .*\/steal refused: 127\.0\.0\.1 is a loopback/,
    );
    expect(allowed.requests).toHaveLength(2);
    expect(internal.requests).toEqual([]);
  });

  it('calls a listed host by name:port or by name, and follows its redirects to listed hosts', async () => {
    expect((await client([internal.host]).get(internal.url)).body).toEqual({ secret: 'internal' });
    expect((await client(['127.0.0.1']).get(internal.url)).body).toEqual({ secret: 'internal' });
    allowed.answerWith({ status: 303, headers: { location: `${internal.url}/next`, 'x-note': 'moved' } });
    const response = await client([allowed.host, internal.host]).post(
      `${allowed.url}/start`,
      { a: 1 },
      { headers: { authorization: 'Bearer k' } },
    );
    expect(response.body).toEqual({ secret: 'internal' });
    // 303 turns the POST into a GET; the key does not follow to another origin.
    expect(internal.requests.at(-1)).toMatchObject({ method: 'GET', url: '/next' });
    expect(internal.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('guards the bare fetch the http action uses too', async () => {
    await expect(client().fetch(internal.url, { method: 'GET', headers: {} })).rejects.toThrow(HttpRefusedError);
    expect(internal.requests).toEqual([]);
  });
});
