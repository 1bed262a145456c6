import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import * as api from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, type TestApp, testApp } from './__fixtures__/test-app';
import { anyString, anyArray, matching } from './__fixtures__/matchers';
import { checkAnswer, routeContracts } from './__fixtures__/route-contract';

const TOKEN = 'test-admin-token-1';

/** Every route of the API contract, as OpenAPI paths. */
const CONTRACT = {
  '/api/health': ['get'],
  '/api/nodes': ['get'],
  '/api/flows': ['get', 'post'],
  '/api/flows/{id}': ['get'],
  '/api/flows/{id}/draft': ['put'],
  '/api/flows/{id}/versions': ['post'],
  '/api/flows/{id}/versions/{n}': ['get'],
  '/api/flows/{id}/dry-run': ['post'],
  '/api/flows/{id}/rollout': ['get', 'put'],
  '/api/flows/{id}/rollout/promote': ['post'],
  '/api/flows/{id}/rollout/rollback': ['post'],
  '/api/flows/{id}/rollout/migrate': ['post'],
  '/api/flows/{id}/metrics': ['get'],
  '/api/notifications': ['get'],
  '/api/tickets': ['get', 'post'],
  '/api/tickets/bulk': ['post'],
  '/api/tickets/{id}': ['get'],
  '/api/tickets/{id}/events': ['post'],
  '/api/tickets/{id}/history': ['get'],
  '/api/tickets/{id}/messages': ['get'],
  '/api/runtime/stats': ['get'],
  '/api/skills': ['get', 'post'],
  '/api/effects': ['get'],
  '/api/flow-errors': ['get'],
  '/api/audit/verify': ['get'],
  '/api/auth/providers': ['get'],
  '/api/agents': ['get', 'post'],
  '/api/agents/{id}/status': ['post'],
  '/api/groups': ['get', 'post'],
  '/api/secrets': ['get'],
  '/api/deployments/order': ['get', 'put'],
  '/api/secrets/{name}': ['delete', 'put'],
  '/api/auth/login': ['post'],
  '/api/auth/logout': ['post'],
  '/api/auth/me': ['get'],
  '/api/tokens': ['get', 'post'],
  '/api/tokens/{id}': ['delete'],
  '/api/users': ['get', 'post'],
  '/api/users/{id}': ['patch'],
  '/api/queues': ['get'],
  '/api/stream': ['get'],
  '/api/me/notifications': ['get'],
  '/api/customers/{id}': ['get'],
  '/api/tickets/{id}/trace': ['get'],
  '/api/tickets/{id}/reply': ['post'],
  '/api/tickets/{id}/status': ['post'],
  '/api/tickets/{id}/notes': ['post'],
  '/api/tickets/{id}/transfer': ['post'],
  '/api/tickets/{id}/take': ['post'],
  '/api/tickets/{id}/release': ['post'],
  '/api/tickets/{id}/escalate': ['post'],
  '/api/tickets/{id}/step-in': ['post'],
  '/api/analytics/overview': ['get'],
  '/api/flows/{id}/analytics': ['get'],
  '/api/flows/{id}/analytics/tickets': ['get'],
  '/api/reports/weekly': ['get'],
  '/api/reports/scorecard': ['get', 'put'],
  '/api/flows/{id}/backtest': ['post'],
  '/api/backtests': ['get'],
  '/api/backtests/{id}': ['delete', 'get'],
  '/api/backtests/{id}/cancel': ['post'],
  '/api/backtests/{id}/tickets/{ticketId}': ['get'],
  '/api/calendars': ['get', 'post'],
  '/api/approvals': ['get'],
  '/api/approvals/{id}': ['post'],
};

describe.each(testDatabases)('the app on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store);
  });

  it('answers health and the node catalog, each config as JSON Schema', async () => {
    expect(await t.call('GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const { status, body } = await t.call('GET', '/api/nodes');
    expect(status).toBe(200);
    const assign = (body as { type: string; configSchema: { type?: string } }[]).find((n) => n.type === 'assign');
    expect(assign).toMatchObject({ kind: 'action', title: { en: anyString, 'zh-CN': anyString }, configSchema: { type: 'object' } });
    expect((body as { type: string }[]).map((n) => n.type)).toContain('billing.suspend');
  });

  it('answers unknown routes, malformed JSON and oversized bodies with JSON errors', async () => {
    expect(await t.call('GET', '/api/nope')).toMatchObject({ status: 404, body: { error: 'no route GET /api/nope' } });
    expect(await t.call('DELETE', '/api/flows')).toMatchObject({ status: 404, body: { error: anyString } });
    expect(await t.call('POST', '/api/flows', '{"name": ')).toMatchObject({
      status: 400,
      body: { error: matching(/JSON/), details: anyArray },
    });
    const small = testApp(store, { maxBodyBytes: 100 });
    expect(await small.call('POST', '/api/flows', { name: 'x'.repeat(200) })).toMatchObject({
      status: 413,
      body: { error: 'request body too large' },
    });
  });

  it('names an unknown field, and refuses a body that is not sent as JSON', async () => {
    expect(await t.call('POST', '/api/groups', { id: 'g', name: 'G', colour: 'red' })).toMatchObject({
      status: 400,
      body: { error: 'invalid request', details: [{ path: 'colour', message: 'unknown field' }] },
    });
    const res = await t.app.request('/api/groups', {
      method: 'POST',
      body: JSON.stringify({ id: 'g', name: 'G' }),
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: anyString });
    expect(await t.call('GET', '/api/groups')).toMatchObject({ body: [] });
  });

  it('refuses values the database cannot store with a 400, naming the field where it can', async () => {
    expect(await t.call('POST', '/api/tickets', { channel: 'chat', subject: 'a\u0000b', customer: { id: 'c1' } })).toMatchObject({
      status: 400,
      body: { details: [{ path: 'subject', message: matching(/NUL/) }] },
    });
    await t.call('POST', '/api/flows', { name: 'Big numbers' });
    const [flow] = (await t.call('GET', '/api/flows')).body as [{ id: string }];
    const tooBig = await t.call('POST', `/api/flows/${flow.id}/dry-run`, {
      version: 3_000_000_000,
      tickets: [{ id: 't', channel: 'chat', customer: { id: 'c' } }],
    });
    expect(tooBig).toMatchObject({ status: 400, body: { error: 'invalid value' } });
  });

  it('serves a valid OpenAPI 3.1 document listing every route, and the reference page', async () => {
    const { status, body } = await t.call('GET', '/openapi.json');
    expect(status).toBe(200);
    const doc = body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const listed = Object.fromEntries(Object.entries(doc.paths).map(([path, ops]) => [path, Object.keys(ops).sort()]));
    expect(listed).toEqual(CONTRACT);

    const docs = await t.app.request('/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toContain('/openapi.json');
  });

  it("declares every answer of every route with a @switchyard/api schema, which the route tests' calls check", () => {
    const contracts = routeContracts(t.app);
    expect(contracts.map((c) => `${c.method} ${c.path}`).sort()).toEqual(
      Object.entries(CONTRACT)
        .flatMap(([path, methods]) => methods.map((m) => `${m} ${path}`))
        .sort(),
    );
    const owned = new Set<unknown>(Object.values(api));
    const unchecked = contracts.flatMap((c) =>
      [...c.responses].filter(([, schema]) => !owned.has(schema)).map(([status]) => `${c.method} ${c.path} ${status}`),
    );
    expect(unchecked, 'answers without a @switchyard/api schema').toEqual([]);
  });

  it('refuses an answer its route does not declare, or one with a field its schema does not name', () => {
    const contracts = routeContracts(t.app);
    const health = { status: 'ok', version: '0.1.0' };
    expect(() => checkAnswer(contracts, 'GET', '/api/health', 200, health)).not.toThrow();
    expect(() => checkAnswer(contracts, 'GET', '/api/health', 200, { ...health, secret: 'leaked' })).toThrow(
      /fields its schema does not declare/,
    );
    expect(() => checkAnswer(contracts, 'POST', '/api/groups', 200, { id: 'g' })).toThrow(/schema refuses/);
    expect(() => checkAnswer(contracts, 'POST', '/api/groups', 418, { error: 'teapot' })).toThrow(/does not declare with a schema/);
  });

  it('says the editor is not built when there is no build', async () => {
    const page = await t.app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('pnpm --filter @switchyard/editor build');
  });

  it('serves a built editor, with index.html for client routes but never for /api', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'editor-dist-'));
    try {
      writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
      writeFileSync(join(dist, 'app.js'), 'console.log(1)');
      const withEditor = testApp(store, { editorDir: dist });
      expect(await (await withEditor.app.request('/')).text()).toContain('id="root"');
      expect(await (await withEditor.app.request('/flows/intake-classify')).text()).toContain('id="root"');
      const script = await withEditor.app.request('/app.js');
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect(await withEditor.call('GET', '/api/nope')).toMatchObject({ status: 404, body: { error: anyString } });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabases)('auth on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  beforeAll(() => {
    t = testApp(store, { adminToken: TOKEN });
  });

  it('refuses /api requests without the admin token with 401, and writes nothing', async () => {
    expect(await t.anonymous.call('GET', '/api/flows')).toMatchObject({ status: 401, body: { details: { header: 'Authorization' } } });
    const wrong = await t.call('POST', '/api/groups', { id: 'g', name: 'G' }, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await store.db.selectFrom('groups').selectAll().execute()).toEqual([]);
  });

  it('accepts the token, audits as admin, and leaves health, docs and the editor open', async () => {
    const saved = await t.call('POST', '/api/groups', { id: 'g', name: 'G' }, { authorization: `Bearer ${TOKEN}` });
    expect(saved).toMatchObject({ status: 200, body: { id: 'g', name: 'G' } });
    const audit = await store.db.selectFrom('audit_log').select(['actor', 'kind']).execute();
    expect(audit).toEqual([{ actor: 'admin', kind: 'group.saved' }]);
    expect((await t.call('GET', '/api/health')).status).toBe(200);
    expect((await t.app.request('/openapi.json')).status).toBe(200);
    expect((await t.app.request('/docs')).status).toBe(200);
    expect((await t.app.request('/')).status).toBe(200);
  });
});
