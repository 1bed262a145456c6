import { createRoute } from '@hono/zod-openapi';
import { DeploymentOrder, DeploymentOrderConflict, ReorderDeploymentsRequest } from '@switchyard/api';
import { deploymentOrder, reorderDeployments, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['rollout'];

const read = createRoute({
  method: 'get',
  operationId: 'getDeploymentOrder',
  path: '/api/deployments/order',
  description:
    'Lists the deployed flows in the order they run on every ticket: the first sees the ticket first, and later flows see what earlier ones set. A flow deployed for the first time runs last.',
  tags,
  summary: 'The deployed flows in run order',
  responses: { 200: jsonContent(DeploymentOrder, 'The run order', answerExample('getDeploymentOrder', 200)), ...errorResponses() },
});

const reorder = createRoute({
  method: 'put',
  operationId: 'reorderDeployments',
  path: '/api/deployments/order',
  description:
    'Sets the order the deployed flows run in. `order` lists every deployed flow once; `current` is the order you read: when someone reordered or deployed since, nothing moves and the 409 carries the order now. Recorded in the audit log with its reason.',
  tags,
  summary: 'Change the run order of the deployed flows',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: ReorderDeploymentsRequest, example: REQUEST_EXAMPLES.reorderDeployments } },
    },
  },
  responses: {
    200: jsonContent(DeploymentOrder, 'The run order now', answerExample('reorderDeployments', 200)),
    ...errorResponses(400),
    409: jsonContent(
      DeploymentOrderConflict,
      'The order changed since `current` (the answer carries it now; nothing moved)',
      answerExample('reorderDeployments', 409),
    ),
  },
});

/** GET and PUT /api/deployments/order: which deployed flow runs first. */
export function deploymentRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(read, async (c) => c.json(await deploymentOrder(ctx.db), 200))
    .openapi(reorder, async (c) => c.json(await reorderDeployments(ctx, c.req.valid('json'), c.get('actor')), 200));
}
