import { INPUT_LIMITS } from '@switchyard/flow';
import type { SwitchyardDatabase } from '@switchyard/runtime';
import { testDatabases } from '@switchyard/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, type TestApp, testApp } from './__fixtures__/test-app';
import { anyString } from './__fixtures__/matchers';

/** On a new ticket, tag it. */
const tagFlow = {
  id: 'tagging',
  name: 'Tag',
  nodes: [
    { id: 'start', type: 'ticket_created' },
    { id: 'tag', type: 'add_tag', config: { tag: 'seen' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'tag' }],
};

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** `text` as UTF-8 with `bad` bytes (not UTF-8) put where `@` is. */
function withBadBytes(text: string, bad: number[]): Uint8Array<ArrayBuffer> {
  const [before = '', after = ''] = text.split('@');
  const encode = (part: string) => [...new TextEncoder().encode(part)];
  return new Uint8Array([...encode(before), ...bad, ...encode(after)]);
}

/** Issue 15: requests from hostile pages and clients are refused with a 4xx naming why, and write nothing. */
describe.each(testDatabases)('hostile requests on $name', ({ open }) => {
  let store: SwitchyardDatabase;
  let t: TestApp;
  const groupCount = async () => ((await t.call('GET', '/api/groups')).body as unknown[]).length;
  beforeAll(async () => {
    store = await open();
    t = testApp(store);
    expect(await t.call('POST', '/api/flows', { name: 'Tag', document: tagFlow })).toMatchObject({ status: 201 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('answers 421 to a Host that is not the server’s: a page that rebound its name to 127.0.0.1', async () => {
    for (const path of ['/api/health', '/api/flows', '/openapi.json', '/']) {
      const { status, body } = await t.call('GET', path, undefined, { host: 'attacker.example:3000' });
      expect(status, path).toBe(421);
      expect(body).toMatchObject({ error: anyString, details: { header: 'Host', message: { en: anyString, 'zh-CN': anyString } } });
    }
    expect(await t.call('POST', '/api/groups', { id: 'g', name: 'G' }, { host: 'attacker.example' })).toMatchObject({ status: 421 });
    expect(await groupCount()).toBe(0);
    expect(await t.call('GET', '/api/health', undefined, { host: 'localhost:3000' })).toMatchObject({ status: 200 });
  });

  it('answers 403 to a change sent by a foreign page, and stores nothing', async () => {
    const refused = await t.call(
      'POST',
      '/api/groups',
      { id: 'g', name: 'G' },
      { host: '127.0.0.1:3000', origin: 'https://attacker.example' },
    );
    expect(refused).toMatchObject({
      status: 403,
      body: { error: anyString, details: { header: 'Origin', message: { 'zh-CN': anyString } } },
    });
    expect(await t.call('PUT', '/api/secrets/BILLING_API_KEY', { value: 'stolen?' }, { origin: 'https://attacker.example' })).toMatchObject(
      { status: 403 },
    );
    expect(await groupCount()).toBe(0);
    expect(
      await t.call('POST', '/api/groups', { id: 'g', name: 'G' }, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }),
    ).toMatchObject({ status: 200 });
  });

  it('answers 400 naming the field to a 1 MB id (it answered 500: the index row was too big)', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/agents', { id: MEGABYTE, name: 'A' }, 'id'],
      ['POST', '/api/groups', { id: MEGABYTE, name: 'G' }, 'id'],
      ['POST', '/api/skills', { id: MEGABYTE, name: 'S' }, 'id'],
      ['POST', '/api/agents', { id: 'a1', name: 'A', groups: [MEGABYTE] }, 'groups.0'],
      ['POST', '/api/tickets', { channel: 'chat', customer: { id: MEGABYTE } }, 'customer.id'],
      ['POST', '/api/tickets', { channel: 'chat', customer: { id: 'c1' }, subject: MEGABYTE }, 'subject'],
      [
        'PUT',
        '/api/flows/tagging/draft',
        { document: { ...tagFlow, nodes: [{ id: 'start', type: 'ticket_created', label: MEGABYTE }] } },
        'document.nodes.0.label',
      ],
      [
        'PUT',
        '/api/flows/tagging/draft',
        { document: { ...tagFlow, nodes: [{ id: 'reply', type: 'reply', config: { template: MEGABYTE } }] } },
        'document.nodes.0.config.template',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      expect(await t.call(method, path, body), `${path} ${field}`).toMatchObject({
        status: 400,
        body: { error: 'invalid request', details: [{ path: field, message: anyString }] },
      });
    }
    expect(await t.call('POST', '/api/groups', { id: 'g'.repeat(INPUT_LIMITS.id), name: 'Longest' })).toMatchObject({ status: 200 });
    expect(await t.call('GET', '/api/agents')).toMatchObject({ body: [] });
  });

  it('answers 400 naming the field to a body that is not UTF-8 (it stored U+FFFD instead)', async () => {
    const before = await groupCount();
    const res = await t.app.request('/api/groups', {
      method: 'POST',
      body: withBadBytes('{"id":"g2","name":"销售@"}', [0xe9, 0x94]),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid request',
      details: [{ path: 'name', message: expect.stringMatching(/UTF-8/) as unknown }],
    });
    expect(await groupCount()).toBe(before);
  });

  it('answers 400 to a flow config nested thousands deep (it answered 500)', async () => {
    const deep = `{"document":{"id":"tagging","name":"Tag","nodes":[{"id":"start","type":"ticket_created","config":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}],"edges":[]}}`;
    expect(await t.call('PUT', '/api/flows/tagging/draft', deep)).toMatchObject({
      status: 400,
      body: { details: [{ path: expect.stringMatching(/^document\.nodes\.0\.config\.a\.0\.0/) as unknown }] },
    });
  });

  it('refuses an unknown field when publishing (it was ignored), and publishes without a body', async () => {
    expect(await t.call('POST', '/api/flows/tagging/versions', { revison: 1 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'revison', message: 'unknown field' }] },
    });
    expect(await t.call('POST', '/api/flows/tagging/versions', { revision: -1 })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'revision' }] },
    });
    expect(await t.call('GET', '/api/flows/tagging')).toMatchObject({ body: { versions: [] } });
    expect(await t.call('POST', '/api/flows/tagging/versions')).toMatchObject({ status: 201, body: { version: 1 } });
  });
});
