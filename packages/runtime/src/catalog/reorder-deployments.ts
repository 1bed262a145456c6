import type { DeploymentOrder, DeploymentOrderConflict, ReorderDeploymentsRequest } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { RevisionConflictError, RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';

/** The deployed flows in run order, with their names (positions renumbered 1, 2, 3...). */
export async function deploymentOrder(db: Kysely<Database>): Promise<DeploymentOrder> {
  const rows = await db
    .selectFrom('deployments as d')
    .innerJoin('flows as f', 'f.id', 'd.flow_id')
    .select(['d.flow_id', 'f.name'])
    .orderBy('d.position')
    .orderBy('d.flow_id')
    .execute();
  return { order: rows.map((r, i) => ({ flowId: r.flow_id, name: r.name, position: i + 1 })) };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Changes the order the deployed flows run in on each ticket (tickets already open keep the
 * flows they are bound to, in the new order from their next event). Refused with a 409
 * carrying the order now when it is not `current` any more (someone reordered or deployed
 * meanwhile), and with a 400 when `order` does not list exactly the deployed flows.
 * @example await reorderDeployments(ctx, { order: ['b', 'a'], current: ['a', 'b'] }, 'alice');
 */
export async function reorderDeployments(ctx: RuntimeContext, request: ReorderDeploymentsRequest, actor: string): Promise<DeploymentOrder> {
  return inTransaction(ctx.db, async (trx) => {
    const rows = await trx.selectFrom('deployments').select(['flow_id']).orderBy('position').orderBy('flow_id').forUpdate().execute();
    const now = rows.map((r) => r.flow_id);
    if (!same(now, request.current)) {
      const message = {
        en: 'the order of the deployed flows changed since you read it (a reorder or a deployment); nothing moved',
        'zh-CN': '自您读取以来，已部署流程的顺序已改变（他人调整了顺序或部署了流程）；未做任何更改',
      };
      throw new RevisionConflictError<DeploymentOrderConflict>({
        error: message.en,
        details: [{ path: 'current', message: `the order is now ${now.join(', ')}` }],
        order: now,
        message,
      });
    }
    const missing = now.filter((id) => !request.order.includes(id));
    const extra = request.order.filter((id) => !now.includes(id));
    if (missing.length > 0 || extra.length > 0)
      throw new RuntimeInputError('invalid request', 400, [
        {
          path: 'order',
          message: `must list exactly the deployed flows${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not deployed ${extra.join(', ')}` : ''}`,
        },
      ]);
    for (const [position, flowId] of request.order.entries())
      await trx.updateTable('deployments').set({ position }).where('flow_id', '=', flowId).execute();
    await appendAudit(trx, {
      at: ctx.clock.now(),
      actor,
      kind: 'deployments.reordered',
      detail: { from: now, to: [...request.order], ...(request.reason ? { reason: request.reason } : {}) },
    });
    return deploymentOrder(trx);
  });
}
