import { ErrorBody } from '@switchyard/api';
import { openDatabase, type SwitchyardDatabase } from '@switchyard/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matching } from './__fixtures__/matchers';
import { testApp } from './__fixtures__/test-app';
import { RETRY_AFTER_SECONDS } from './handle-error';

describe('the API while PostgreSQL is away', () => {
  let store: SwitchyardDatabase;
  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused, as during a restart.
    store = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/test' });
  });
  afterAll(() => store?.close());

  it('answers 503 with Retry-After and a message in both languages, for reads and writes', async () => {
    const t = testApp(store);
    const answers = [
      await t.call('GET', '/api/tickets'),
      await t.call('POST', '/api/tickets', { channel: 'chat', subject: '在吗', body: '在吗', customer: { id: 'C1' } }),
      await t.call('POST', '/api/tickets/T1/events', { type: 'customer.message', body: '还没处理吗？' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      expect(ErrorBody.parse(answer.body)).toMatchObject({
        error: matching(/database/),
        details: { message: { en: matching(/database/i), 'zh-CN': matching(/数据库/) }, retryAfterSeconds: RETRY_AFTER_SECONDS },
      });
    }
    // Liveness does not need the database.
    expect((await t.call('GET', '/api/health')).status).toBe(200);
  });

  it('lists the 503 in the OpenAPI document of every route', async () => {
    const doc = (await testApp(store).call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method} ${path}`, op })),
    );
    const withoutHealth = operations.filter((o) => o.route !== 'get /api/health');
    expect(withoutHealth.length).toBeGreaterThan(10);
    for (const { route, op } of withoutHealth) expect(Object.keys(op.responses), route).toContain('503');
  });
});
