import { createRoute, z } from '@hono/zod-openapi';
import { ApprovalList, ApprovalListQuery, DecideApprovalRequest, EventAccepted, mayDecide } from '@switchyard/api';
import { decidedApprovals, decideApproval, getApproval, listApprovals, NotFoundError, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { principalOf } from '../auth/principal';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['approvals'];

const list = createRoute({
  method: 'get',
  operationId: 'listApprovals',
  path: '/api/approvals',
  summary: 'The approvals the signed-in person may decide',
  description:
    'Approvals flows wait for now (an approval node asked a role or a user to approve or reject), oldest first, limited to those the caller may decide: their role, their user id or email; admins see all. A decided, timed-out or abandoned approval is gone from the list. With `status=decided`: the decisions taken on approvals the caller may decide (newest first, at most 200), each with `decision`, `note`, `decidedBy` and `decidedAt`.',
  tags,
  request: { query: ApprovalListQuery },
  responses: {
    200: jsonContent(ApprovalList, 'The approvals waiting for the caller', answerExample('listApprovals', 200)),
    ...errorResponses(),
  },
});

const decide = createRoute({
  method: 'post',
  operationId: 'decideApproval',
  path: '/api/approvals/{id}',
  summary: 'Approve or reject an approval',
  description:
    "Approves or rejects, with an optional note. The decision is queued as the ticket event `approval.decided` (audited with who decided and the note) and the flow goes on by its `approved` or `rejected` branch when a worker applies it. 404 when the approval is not waiting (decided, timed out) or not the caller's to decide; 409 when its time is up.",
  tags,
  request: {
    params: z.object({
      id: z.string().min(1).max(2000).meta({ example: 'WyJ0a3QtMSIsInJlZnVuZC1hcHByb3ZhbCIsImFwcHJvdmUiLDE3ODAwMDAwMDAwMDBd' }),
    }),
    body: { required: true, content: { 'application/json': { schema: DecideApprovalRequest, example: REQUEST_EXAMPLES.decideApproval } } },
  },
  responses: {
    202: jsonContent(EventAccepted, 'Decision queued', answerExample('decideApproval', 202)),
    ...errorResponses(400, 404, 409),
  },
});

/** Approvals (issue 21): what the caller may decide, and deciding it. */
export function approvalRoutes(ctx: RuntimeContext, onQueued: () => void = () => {}): SwitchyardApp {
  return createRouter()
    .openapi(list, async (c) => {
      const person = principalOf(c);
      const { status } = c.req.valid('query');
      const approvals = status === 'decided' ? await decidedApprovals(ctx.db) : await listApprovals(ctx.db);
      return c.json(
        approvals.filter((a) => mayDecide(person, a)),
        200,
      );
    })
    .openapi(decide, async (c) => {
      const { id } = c.req.valid('param');
      const person = principalOf(c);
      if (!mayDecide(person, await getApproval(ctx.db, id))) throw new NotFoundError('approval', id);
      const accepted = await decideApproval(ctx, id, c.req.valid('json'), c.get('actor'));
      onQueued();
      return c.json(accepted, 202);
    });
}
