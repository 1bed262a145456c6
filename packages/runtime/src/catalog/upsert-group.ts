import { Group } from '@switchyard/nodes';
import type { RuntimeContext } from '../durable/runtime-context';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';

/**
 * Creates or replaces a group (by id).
 * @example await upsertGroup(ctx, { id: 'vip_care', name: 'VIP care', nameZh: '大客户组' }, 'alice');
 */
export async function upsertGroup(ctx: RuntimeContext, input: unknown, actor: string): Promise<Group> {
  const group = parseInput(Group, input);
  const row = { name: group.name, name_zh: group.nameZh ?? null };
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('groups')
      .values({ id: group.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, { at: ctx.clock.now(), actor, kind: 'group.saved', detail: group });
  });
  return group;
}
