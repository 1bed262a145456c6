import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { MAX_JSON_DEPTH, strictJsonBody } from './strict-json-body';

/** Echoes the JSON body it got, as Hono parses it after the middleware. */
const app = new Hono<AppEnv>().use(strictJsonBody());
app.post('*', async (c) => {
  try {
    return c.json({ got: (await c.req.json()) as unknown });
  } catch {
    return c.text('malformed JSON reached the route', 400);
  }
});
app.put('*', (c) => c.text('not read'));

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array<ArrayBuffer> =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));
const post = (body: Uint8Array<ArrayBuffer> | string, contentType = 'application/json') =>
  app.request('/api/x', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('strictJsonBody', () => {
  it('passes an empty body on as no body, without its JSON content type (older clients publish that way)', async () => {
    const seen = new Hono<AppEnv>().use(strictJsonBody());
    seen.post('*', (c) => c.json({ contentType: c.req.header('content-type') ?? null }));
    const res = await seen.request('/api/x', { method: 'POST', body: '', headers: { 'content-type': 'application/json' } });
    expect(await res.json()).toEqual({ contentType: null });
  });

  it('passes UTF-8 through untouched: Chinese, RTL, emoji, a BOM', async () => {
    const body = { name: '王女士 مرحبا 😀', nested: [{ a: 'ok' }] };
    expect(await (await post(JSON.stringify(body))).json()).toEqual({ got: body });
    expect(await (await post(bytes([0xef, 0xbb, 0xbf], '{"a":1}'))).json()).toEqual({ got: { a: 1 } });
  });

  it('answers 400 to bytes that are not UTF-8, naming the field that held them', async () => {
    const cases: [Uint8Array<ArrayBuffer>, string][] = [
      [bytes('{"customer":{"id":"c1","name":"ab', [0xff, 0xfe], '"}}'), 'customer.name'],
      // An overlong "/", an encoded lone surrogate, a truncated 3-byte character: all refused.
      [bytes('{"tags":["ok","', [0xc0, 0xaf], '"]}'), 'tags.1'],
      [bytes('{"body":"', [0xed, 0xa0, 0x80], '"}'), 'body'],
      [bytes('{"subject":"x', [0xe4, 0xbd], '","body":"y"}'), 'subject'],
      [bytes('{"na', [0x80], 'me":"x"}'), 'na\uFFFDme'],
      [bytes('{"a":1}', [0xff]), ''],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      expect(res.status, path).toBe(400);
      const answer = (await res.json()) as { error: string; details: { path: string; message: string }[] };
      expect(answer.error).toBe('invalid request');
      expect(answer.details[0]?.message).toMatch(/UTF-8/);
      expect(answer.details[0]?.path, path).toBe(path);
    }
  });

  it('answers 400 to nesting deeper than the limit, naming where', async () => {
    const deep = `{"config":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await post(deep);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { details: { path: string; message: string }[] };
    expect(answer.details[0]?.path).toBe(['config', ...Array<number>(MAX_JSON_DEPTH).fill(0)].join('.'));
    const fits = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect((await post(fits)).status).toBe(200);
  });

  it('leaves other media types and malformed JSON to the routes', async () => {
    expect((await app.request('/api/x', { method: 'PUT', body: bytes([0xff]), headers: { 'content-type': 'text/plain' } })).status).toBe(
      200,
    );
    expect(await (await post('{"a": ')).text()).toBe('malformed JSON reached the route');
  });
});
