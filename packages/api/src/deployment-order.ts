import { bilingual, INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';
import { ErrorBody } from './error-body';
import { LocalizedText } from './node-catalog';

const FlowIds = z.array(z.string().min(1).max(INPUT_LIMITS.id)).max(1000);

/**
 * PUT /api/deployments/order: the deployed flows in the order they are to run on each ticket.
 * `current` is the order the client saw (GET /api/flows lists deployed flows in run order):
 * when someone reordered or deployed meanwhile, the change is refused (409) and nothing moves.
 */
export const ReorderDeploymentsRequest = z
  .strictObject({
    order: FlowIds.min(1),
    current: FlowIds,
    /** Why, for the audit log. */
    reason: z.string().max(INPUT_LIMITS.note).optional(),
  })
  .refine((r) => new Set(r.order).size === r.order.length, {
    message: bilingual('a flow appears twice in the order', '顺序中有重复的流程'),
    path: ['order'],
  })
  .meta({ id: 'ReorderDeploymentsRequest' });
export type ReorderDeploymentsRequest = z.input<typeof ReorderDeploymentsRequest>;

/** The deployed flows in run order: the first runs first on every ticket. */
export const DeploymentOrder = z
  .object({ order: z.array(z.object({ flowId: z.string(), name: z.string(), position: z.number().int() })) })
  .meta({ id: 'DeploymentOrder' });
export type DeploymentOrder = z.infer<typeof DeploymentOrder>;

/** The 409 of a reorder made against an order that changed: the order now, so the client can redo it. */
export const DeploymentOrderConflict = ErrorBody.extend({ order: z.array(z.string()), message: LocalizedText }).meta({
  id: 'DeploymentOrderConflict',
});
export type DeploymentOrderConflict = z.infer<typeof DeploymentOrderConflict>;
