import { SecretName } from '@switchyard/api';
import { appendAudit } from '../catalog/append-audit';
import { inTransaction } from '../catalog/in-transaction';
import { parseInput } from '../catalog/invalid-input';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError } from '../errors';

/**
 * Removes a secret from the secrets table (the environment's value, if any, applies again).
 * Throws NotFoundError when the table has no such secret.
 * @example await deleteSecret(ctx, 'BILLING_API_KEY', 'admin');
 */
export async function deleteSecret(ctx: RuntimeContext, name: string, actor: string): Promise<void> {
  const secret = parseInput(SecretName, name, 'name');
  await inTransaction(ctx.db, async (trx) => {
    const deleted = await trx.deleteFrom('secrets').where('name', '=', secret).executeTakeFirst();
    if (deleted.numDeletedRows === 0n) throw new NotFoundError('secret', secret);
    await appendAudit(trx, { at: ctx.clock.now(), actor, kind: 'secret.deleted', detail: { name: secret } });
  });
}
