import { PutSecretRequest, SecretName } from '@switchyard/api';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import { parseInput } from '../catalog/invalid-input';
import type { RuntimeContext } from '../durable/runtime-context';
import { dataKeys } from '../data-keys/runtime-data-keys';
import { sealSecretWithDataKey } from './secret-cipher';

/**
 * Saves a secret in the secrets table, sealed with the data key (SWITCHYARD_DATA_KEY); it
 * wins over `SWITCHYARD_SECRET_<NAME>` from the next delivery on. The audit records the
 * name, never the value.
 * @example await putSecret(ctx, 'BILLING_API_KEY', { value: 'sk-live-1' }, 'admin');
 */
export async function putSecret(ctx: RuntimeContext, name: string, input: unknown, actor: string): Promise<void> {
  const secret = parseInput(SecretName, name, 'name');
  const { value } = parseInput(PutSecretRequest, input);
  const stored = sealSecretWithDataKey(dataKeys(ctx), secret, value);
  const now = ctx.clock.now();
  const row = { value: stored.value, cipher: stored.cipher, updated_at: now, updated_by: actor };
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('secrets')
      .values({ name: secret, ...row })
      .onConflict((oc) => oc.column('name').doUpdateSet(row))
      .execute();
    await appendAudit(trx, { at: now, actor, kind: 'secret.saved', detail: { name: secret, encrypted: stored.cipher !== 'none' } });
  });
}
