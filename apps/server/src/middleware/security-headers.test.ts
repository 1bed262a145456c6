import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

function app(publicUrl?: string) {
  const hono = new Hono();
  hono.use('*', securityHeaders({ publicUrl }));
  hono.get('/ok', (c) => c.json({ ok: true }));
  hono.get('/boom', () => {
    throw new Error('boom');
  });
  hono.onError((_, c) => c.json({ error: 'internal' }, 500));
  return hono;
}

describe('securityHeaders', () => {
  it.each(['/ok', '/boom', '/missing'])('sets the CSP, no framing, nosniff, no referrer and COOP on %s', async (path) => {
    const answer = await app().request(path);
    const names = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy'];
    expect(Object.fromEntries(names.map((name) => [name, answer.headers.get(name)]))).toEqual({
      'content-security-policy': CSP,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS only when the public URL is https', async () => {
    expect((await app('https://switchyard.example.com').request('/ok')).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await app('http://switchyard.lan:3000').request('/ok')).headers.get('strict-transport-security')).toBeNull();
  });
});
