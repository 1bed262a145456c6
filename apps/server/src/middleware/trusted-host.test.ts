import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { parseHost, trustedHost } from './trusted-host';

/** An app behind the middleware that answers 200 to anything that gets through. */
function appAllowing(allowedHosts?: readonly string[]) {
  const app = new Hono<AppEnv>().use(trustedHost(allowedHosts));
  app.all('*', (c) => c.text('ok'));
  return app;
}

const call = (app: Hono<AppEnv>, method: string, headers: Record<string, string>, url = 'http://localhost/api/flows') =>
  app.request(url, { method, headers });

describe('trustedHost', () => {
  const app = appAllowing(['switchyard.example.com', 'intranet:8080']);

  it('serves loopback names on any port, and the allowed names', async () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      '127.0.0.1:1',
      'LOCALHOST:3000',
      '[::1]',
      '[::1]:8080',
      'switchyard.example.com',
      'switchyard.example.com:443',
      'intranet:8080',
    ]) {
      expect((await call(app, 'GET', { host })).status, host).toBe(200);
    }
    // Without a Host header (an in-process request) the URL's host counts.
    expect((await app.request('http://127.0.0.1:3000/api/flows')).status).toBe(200);
  });

  it('answers 421 to any other Host, in both languages: a rebound name, a wrong port, junk', async () => {
    for (const host of [
      'evil.example',
      'evil.example:3000',
      'localhost.evil.example',
      'intranet:8081',
      '10.0.0.5',
      'localhost, evil.example',
      '',
    ]) {
      const res = await call(app, 'GET', { host });
      expect(res.status, host).toBe(421);
      expect(await res.json()).toMatchObject({
        error: expect.stringMatching(/host name/) as unknown,
        details: {
          header: 'Host',
          value: host,
          message: { en: expect.any(String) as unknown, 'zh-CN': expect.stringMatching(/主机名/) as unknown },
        },
      });
    }
    expect((await app.request('http://evil.example/api/flows')).status).toBe(421);
    expect((await app.request('http://evil.example/api/flows', { headers: { host: 'localhost' } })).status).toBe(421);
  });

  it('refuses a change asked by a foreign page (403), not a read, and not one without Origin', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await call(app, method, { host: 'localhost:3000', origin: 'https://evil.example' });
      expect(res.status, method).toBe(403);
      expect(await res.json()).toMatchObject({
        details: { header: 'Origin', value: 'https://evil.example', message: { 'zh-CN': expect.any(String) as unknown } },
      });
    }
    expect((await call(app, 'POST', { host: 'localhost:3000', origin: 'null' })).status).toBe(403);
    // Another port of the same machine is another origin.
    expect((await call(app, 'POST', { host: 'localhost:3000', origin: 'http://localhost:5173' })).status).toBe(403);
    expect((await call(app, 'GET', { host: 'localhost:3000', origin: 'https://evil.example' })).status).toBe(200);
    expect((await call(app, 'POST', { host: 'localhost:3000' })).status).toBe(200);
  });

  it("takes a change from the server's own pages and from an allowed name (behind a proxy)", async () => {
    expect((await call(app, 'POST', { host: 'localhost:3000', origin: 'http://localhost:3000' })).status).toBe(200);
    expect((await call(app, 'DELETE', { host: '[::1]:3000', origin: 'http://[::1]:3000' })).status).toBe(200);
    expect((await call(app, 'PUT', { host: 'intranet:8080', origin: 'https://switchyard.example.com' })).status).toBe(200);
  });

  it('refuses to start with an allowed host that is not one', () => {
    expect(() => trustedHost(['https://switchyard.example.com'])).toThrow(/not a host name/);
    expect(parseHost('[::1]:3000')).toEqual({ name: '[::1]', port: '3000' });
    expect(parseHost('Example.COM')).toEqual({ name: 'example.com', port: undefined });
  });
});
