import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext } from '../testing/node-test-context';
import { defineNode } from './define-node';
import { createNodeRegistry } from './node-registry';

const title = { en: 'Refund', 'zh-CN': '退款' };
/** v1 took an amount in yuan; v2 takes cents. */
const refundV1 = defineNode({
  type: 'acme.refund',
  kind: 'action',
  title,
  config: z.strictObject({ yuan: z.number() }),
  run: (_ctx, config) => ({ output: { version: 1, cents: config.yuan * 100 } }),
});
const refundV2 = defineNode({
  type: 'acme.refund',
  kind: 'action',
  version: 2,
  title,
  config: z.strictObject({ cents: z.number().int().positive(), currency: z.enum(['CNY', 'USD']).default('CNY') }),
  migrations: [{ from: 1, up: (old) => ({ cents: Math.round(Number(old.yuan) * 100) }) }],
  run: (_ctx, config) => ({ output: { version: 2, cents: config.cents, currency: config.currency } }),
});

describe('node versions and config migrations', () => {
  it('keeps a registered old version over the newer one’s migration', async () => {
    const registry = createNodeRegistry([refundV1, refundV2]);
    expect(registry.get('acme.refund', 1)).toBe(refundV1);
  });

  it('serves an old version whose code is gone with the new code on the migrated config', async () => {
    const registry = createNodeRegistry([refundV2]);
    const v1 = registry.get('acme.refund', 1);
    expect(v1).toMatchObject({ version: 1, migratedTo: 2, kind: 'action' });
    expect(registry.list()).toEqual([refundV2]);
    const config = v1!.config.parse({ yuan: 12.5 });
    expect(config).toEqual({ yuan: 12.5 });
    if (v1?.kind !== 'action') throw new Error('expected an action');
    expect(await v1.run(createTestContext(), config)).toEqual({ output: { version: 2, cents: 1250, currency: 'CNY' } });
  });

  it('refuses an old config the migration cannot turn into a valid new one, naming the field', () => {
    const v1 = createNodeRegistry([refundV2]).get('acme.refund', 1)!;
    const parsed = v1.config.safeParse({ yuan: -1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['cents'], message: expect.stringContaining('after migration to v2') as string });
  });

  it('refuses a migration from the same or a newer version, and two versions migrating from one', () => {
    expect(() => defineNode({ ...refundV2, kind: 'action', migrations: [{ from: 2, up: () => ({ cents: 1 }) }] })).toThrow(
      'migration from 2 must come from an older version (1..1)',
    );
    const refundV3 = defineNode({ ...refundV2, kind: 'action', version: 3, migrations: [{ from: 1, up: () => ({ cents: 1 }) }] });
    expect(() => createNodeRegistry([refundV2, refundV3])).toThrow('versions 2 and 3 both migrate from version 1');
  });

  it('refuses badly named secrets', () => {
    expect(() => defineNode({ ...refundV1, kind: 'action', secrets: ['billing-key'] })).toThrow(
      'secret name "billing-key" must be UPPER_SNAKE_CASE',
    );
  });
});
