import { randomBytes } from 'node:crypto';
import { FlowDocument, type FlowDocumentInput } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry, defineNode } from '@switchyard/nodes';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFlow } from '../catalog/create-flow';
import { deployVersion } from '../catalog/deploy-version';
import { publishVersion } from '../catalog/publish-version';
import { readAuditRow } from '../audit/read-audit-row';
import { createManualClock } from '../clock';
import { createTicket } from '../durable/create-ticket';
import type { RuntimeContext } from '../durable/runtime-context';
import { createWorker } from '../durable/worker';
import { testDatabases, useTestDatabase } from '../testing/index';
import { deleteSecret } from './delete-secret';
import { listSecrets } from './list-secrets';
import { putSecret } from './put-secret';
import { readSecrets } from './read-secrets';
import { sealSecret } from './secret-cipher';
import { createDataKeyRing } from '../data-keys/data-key-ring';
import { resealRows } from '../data-keys/reseal-rows';
import { dataKeys } from '../data-keys/runtime-data-keys';

const KEY = 'sk-live-0123456789abcdef';

/** A careless node: puts its key in the output, logs it, and fails with it in the message. */
const leaky = defineNode({
  type: 'test.leaky',
  kind: 'action',
  sideEffect: true,
  secrets: ['LEAKY_KEY'],
  title: { en: 'Leaky', 'zh-CN': '泄露' },
  config: z.strictObject({ fail: z.boolean().default(false) }),
  run: (ctx, config) => {
    const key = ctx.secrets.get('LEAKY_KEY');
    ctx.logger.warn(`using ${key}`, { key });
    if (config.fail) throw new Error(`service refused key ${key}`);
    return { params: { key }, output: { echoed: key } };
  },
});

const leakyFlow = (fail: boolean): FlowDocumentInput => ({
  id: fail ? 'leaky-fail' : 'leaky-ok',
  name: 'Leaky',
  nodes: [
    { id: 'created', type: 'ticket_created' },
    { id: 'leak', type: 'test.leaky', config: { fail } },
  ],
  edges: [{ id: 'e1', source: 'created', target: 'leak' }],
});

describe.each(testDatabases)('secrets on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: RuntimeContext;
  const lines: string[] = [];
  const key = randomBytes(32);

  beforeAll(async () => {
    ctx = {
      db: store.db,
      registry: createNodeRegistry([...builtinNodes, leaky]),
      clock: createManualClock('2026-05-01T09:00:00+08:00'),
      logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }),
      secrets: {
        env: { SWITCHYARD_SECRET_FROM_ENV: 'env-value-1', SWITCHYARD_SECRET_LEAKY_KEY: 'env-loses', DATABASE_URL: 'postgres://x' },
        key,
      },
    };
  });

  it('stores a value sealed with the data key, reads it back, and lets it win over the environment', async () => {
    await putSecret(ctx, 'LEAKY_KEY', { value: KEY }, 'alice');
    const row = await store.db.selectFrom('secrets').selectAll().where('name', '=', 'LEAKY_KEY').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cipher: 'data-key', updated_by: 'alice' });
    expect(row.value).toMatch(new RegExp(`^v1:${dataKeys(ctx).current.id}:`));
    expect(row.value).not.toContain(KEY);
    expect(await readSecrets(ctx, ['LEAKY_KEY', 'FROM_ENV', 'MISSING'])).toEqual({ LEAKY_KEY: KEY, FROM_ENV: 'env-value-1' });
  });

  it('refuses to decrypt without its data key, naming the secret and the variable', async () => {
    const other = { ...ctx, dataKeys: createDataKeyRing(randomBytes(32)) };
    await expect(readSecrets(other, ['LEAKY_KEY'])).rejects.toThrow(
      'secret LEAKY_KEY cannot be decrypted: its data key is not in SWITCHYARD_DATA_KEY(_PREVIOUS)',
    );
  });

  it('seals rows saved in clear or with the legacy SWITCHYARD_SECRETS_KEY, which keep reading meanwhile', async () => {
    const now = ctx.clock.now();
    const legacy = sealSecret('LEGACY', 'legacy-value', key);
    await store.db
      .insertInto('secrets')
      .values([
        { name: 'PLAIN', value: 'plain-value', cipher: 'none', updated_at: now, updated_by: 'old' },
        { name: 'LEGACY', value: legacy.value, cipher: legacy.cipher, updated_at: now, updated_by: 'old' },
      ])
      .execute();
    expect(await readSecrets(ctx, ['PLAIN', 'LEGACY'])).toEqual({ PLAIN: 'plain-value', LEGACY: 'legacy-value' });
    expect((await listSecrets(ctx)).find((s) => s.name === 'PLAIN')).toMatchObject({ source: 'table', encrypted: false });
    expect(await resealRows(ctx)).toMatchObject({ secrets: 2 });
    const rows = await store.db.selectFrom('secrets').select(['name', 'cipher', 'value']).orderBy('name').execute();
    expect(rows.map((r) => r.cipher)).toEqual(['data-key', 'data-key', 'data-key']);
    expect(JSON.stringify(rows)).not.toMatch(/plain-value|legacy-value/);
    expect(await readSecrets(ctx, ['PLAIN', 'LEGACY'])).toEqual({ PLAIN: 'plain-value', LEGACY: 'legacy-value' });
    await deleteSecret(ctx, 'LEGACY', 'bob');
  });

  it('lists names, sources and users, never values, and no other environment variable', async () => {
    const list = await listSecrets(ctx);
    expect(list.map((s) => s.name)).toEqual(['FROM_ENV', 'LEAKY_KEY', 'PLAIN']);
    expect(list[1]).toEqual({
      name: 'LEAKY_KEY',
      set: true,
      source: 'table',
      encrypted: true,
      updatedAt: '2026-05-01T01:00:00.000Z',
      usedBy: ['test.leaky'],
    });
    expect(JSON.stringify(list)).not.toMatch(/sk-live|env-value|plain-value|postgres/);
  });

  it('refuses a bad name or an empty value naming the field, and audits saves and deletes by name only', async () => {
    await expect(putSecret(ctx, 'lower-case', { value: 'x' }, 'a')).rejects.toMatchObject({ status: 400, details: [{ path: 'name' }] });
    await expect(putSecret(ctx, 'OK_NAME', { value: '' }, 'a')).rejects.toMatchObject({ status: 400, details: [{ path: 'value' }] });
    await deleteSecret(ctx, 'PLAIN', 'bob');
    await expect(deleteSecret(ctx, 'PLAIN', 'bob')).rejects.toMatchObject({ status: 404 });
    const rows = await store.db.selectFrom('audit_log').selectAll().where('kind', 'like', 'secret.%').orderBy('id').execute();
    const audit = rows.map(readAuditRow).map(({ actor, kind, detail }) => ({ actor, kind, detail }));
    expect(audit).toEqual([
      { actor: 'alice', kind: 'secret.saved', detail: { name: 'LEAKY_KEY', encrypted: true } },
      { actor: 'bob', kind: 'secret.deleted', detail: { name: 'LEGACY' } },
      { actor: 'bob', kind: 'secret.deleted', detail: { name: 'PLAIN' } },
    ]);
  });

  it("keeps a node's secret out of its recorded output, its error, the audit and the logs", async () => {
    for (const fail of [false, true]) {
      const { id } = await createFlow(ctx, { name: 'Leaky', document: FlowDocument.parse(leakyFlow(fail)) }, 'test');
      await deployVersion(ctx, id, (await publishVersion(ctx, id, 'test')).version, 'test');
    }
    await createTicket(ctx, { channel: 'web', subject: 'x', body: '', customer: { id: 'C1' } }, 'test');
    await createWorker(ctx, { delivery: { maxAttempts: 1 } }).runUntilIdle();
    const outbox = await store.db.selectFrom('outbox').select(['node_id', 'status', 'last_error', 'result']).orderBy('flow_id').execute();
    expect(outbox.map((r) => [r.status, r.last_error])).toEqual([
      ['dead', 'service refused key [secret]'],
      ['done', null],
    ]);
    expect(outbox[1]?.result).toMatchObject({ params: { key: '[secret]' }, output: { echoed: '[secret]' } });
    const audit = await store.db.selectFrom('audit_log').selectAll().execute();
    expect(lines.some((l) => l.includes('using [secret]'))).toBe(true);
    expect([JSON.stringify(outbox), JSON.stringify(audit), ...lines].join('\n')).not.toContain(KEY);
  });
});
