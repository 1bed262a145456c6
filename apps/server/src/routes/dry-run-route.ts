import { createRoute, z } from '@hono/zod-openapi';
import { DryRunRequest, DryRunResults } from '@switchyard/api';
import { dryRunFlow, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const dryRun = createRoute({
  method: 'post',
  operationId: 'dryRun',
  path: '/api/flows/{id}/dry-run',
  tags: ['flows'],
  summary: 'Run sample tickets through a version, an unsaved document or the draft, on a virtual clock',
  description:
    'Answers one object per ticket (the dry-run contract of SCENARIOS.md). The flow runs among the deployed flows in their order unless `others` is `"none"`; the roster is the server\'s unless `agents` is given. With `explain: true` each result also has `decisions` (every condition the path passed, its `answer` and the `inputs` it read) and actions their `inputs` (an assignment\'s candidates); without it the answer is as before. Nothing is written.',
  request: {
    params: z.object({ id: z.string().min(1).max(100).meta({ example: 'refund-priority' }) }),
    body: { required: true, content: { 'application/json': { schema: DryRunRequest, example: REQUEST_EXAMPLES.dryRun } } },
  },
  responses: {
    200: jsonContent(DryRunResults, 'One result per ticket, in the order posted', answerExample('dryRun', 200)),
    ...errorResponses(400, 404, 422),
  },
});

/** POST /api/flows/:id/dry-run. */
export function dryRunRoute(ctx: RuntimeContext): SwitchyardApp {
  return createRouter().openapi(dryRun, async (c) => {
    const { version, document, tickets, agents, others, explain } = c.req.valid('json');
    const results = await dryRunFlow(ctx, c.req.valid('param').id, {
      version,
      document,
      tickets,
      roster: agents,
      alone: others === 'none',
      explain,
    });
    return c.json(results, 200);
  });
}
