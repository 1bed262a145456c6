import { INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

/**
 * One error a flow met on a ticket (an expression that failed, a node that threw): the audit
 * log's `flow.error` entries, as GET /api/flow-errors lists them for the editor's failures list.
 */
export const FlowErrorView = z
  .object({
    /** The audit entry's id: its row's (bigint as text), `<row id>.<n>` for the nth entry of a row holding several (since migration 0033). */
    id: z.string(),
    ticketId: z.string(),
    flowId: z.string(),
    /** The node the error happened in; null when the flow failed outside a node. */
    nodeId: z.string().nullable(),
    message: z.string(),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'FlowErrorView' });
export type FlowErrorView = z.infer<typeof FlowErrorView>;
export const FlowErrorList = z.array(FlowErrorView).meta({ id: 'FlowErrorList' });

/** GET /api/flow-errors filters; all optional. Newest first. */
export const FlowErrorQuery = z.strictObject({
  /** Only this flow's errors. */
  flow: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'complaint-billing' }),
  /** Only errors at or after this moment (the editor asks for the last 24 h). */
  since: z.iso.datetime({ offset: true }).optional().meta({ example: '2026-05-01T09:00:00+08:00' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ example: 100 }),
});
