import { createRoute } from '@hono/zod-openapi';
import { FlowErrorList, FlowErrorQuery } from '@switchyard/api';
import { listFlowErrors, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const flowErrors = createRoute({
  method: 'get',
  operationId: 'listFlowErrors',
  path: '/api/flow-errors',
  description:
    'Lists the errors flows met on tickets (an expression that failed, a node that threw), newest first, filtered by flow and time. With `GET /api/effects?status=dead` it is what the editor shows as failures, per flow and per node, each with its ticket.',
  tags: ['runtime'],
  summary: 'Errors flows met on tickets, by flow and since a time, newest first',
  request: { query: FlowErrorQuery },
  responses: { 200: jsonContent(FlowErrorList, 'The flow errors', answerExample('listFlowErrors', 200)), ...errorResponses(400) },
});

/** What went wrong inside flows: the failures list of the editor and its bell. */
export function failureRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter().openapi(flowErrors, async (c) => {
    const { flow, since, limit } = c.req.valid('query');
    return c.json(await listFlowErrors(ctx.db, { flowId: flow, since, limit }), 200);
  });
}
