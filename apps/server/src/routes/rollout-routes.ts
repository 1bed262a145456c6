import { createRoute, z } from '@hono/zod-openapi';
import {
  FlowMetrics,
  MigrateTicketsRequest,
  OpsNotificationList,
  Rollout,
  RolloutActionRequest,
  RolloutConflict,
  RolloutRefusal,
  RolloutRequest,
  TicketsMigrated,
} from '@switchyard/api';
import {
  flowMetrics,
  getRollout,
  listOpsNotifications,
  migrateTickets,
  promoteCandidate,
  rollBackCandidate,
  type RuntimeContext,
  setRollout,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { deployerCheck, refusingSelfDeploy } from '../auth/two-person-rule';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const FlowParams = z.object({ id: z.string().min(1).max(100).meta({ example: 'refund-priority' }) });
const MetricsQuery = z.object({
  stable: z.coerce.number().int().positive().optional().meta({ example: 1 }),
  candidate: z.coerce.number().int().positive().optional().meta({ example: 2 }),
});
const NotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100).meta({ example: 20 }) });
const tags = ['rollout'];
const body = <S extends z.ZodType>(schema: S, example: unknown) => ({
  body: { required: true, content: { 'application/json': { schema, example } } },
});
const optionalBody = <S extends z.ZodType>(schema: S, example: unknown) => ({
  body: { required: false, content: { 'application/json': { schema, example } } },
});
/** A change made against a `revision` the deployment moved on from; promote, roll back and migrate also answer 409 when the change cannot apply. */
const rolloutConflict = (also = '') => ({
  409: jsonContent(
    also ? RolloutRefusal : RolloutConflict,
    `The deployment changed since \`revision\` (the answer carries it now; nothing changed)${also}`,
    answerExample(also ? 'promoteCandidate' : 'putRollout', 409),
  ),
});

const get = createRoute({
  method: 'get',
  operationId: 'getRollout',
  path: '/api/flows/{id}/rollout',
  description:
    "Reads a flow's deployment: the stable version, the candidate and the share of new tickets it gets, the ramp plan, the guardrails and the history of changes with their reasons.",
  tags,
  summary: "A flow's deployment: stable and candidate versions, the candidate's share, ramp plan, guardrails, history",
  request: { params: FlowParams },
  responses: { 200: jsonContent(Rollout, 'The rollout', answerExample('getRollout', 200)), ...errorResponses(400, 404) },
});

const put = createRoute({
  method: 'put',
  operationId: 'putRollout',
  path: '/api/flows/{id}/rollout',
  description:
    'Deploys a flow or changes its deployment: the stable version, optionally a candidate for `percent` % of new tickets (sticky per ticket), a ramp plan and guardrails. Send the `revision` you read; a flow deployed for the first time runs after the others.',
  tags,
  summary: 'Deploy: which versions new tickets get (a candidate for percent % of them, sticky per ticket), with a ramp plan and guardrails',
  request: { params: FlowParams, ...body(RolloutRequest, REQUEST_EXAMPLES.putRollout) },
  responses: {
    200: jsonContent(Rollout, 'The rollout now', answerExample('putRollout', 200)),
    ...errorResponses(400, 404),
    ...rolloutConflict(),
  },
});

const promote = createRoute({
  method: 'post',
  operationId: 'promoteCandidate',
  path: '/api/flows/{id}/rollout/promote',
  description:
    'Makes the candidate the stable version for every new ticket; tickets already running keep their version. Refused (409) without a candidate or when the deployment changed since `revision`.',
  tags,
  summary: 'Make the candidate the stable version for every new ticket',
  request: { params: FlowParams, ...optionalBody(RolloutActionRequest, REQUEST_EXAMPLES.promoteCandidate) },
  responses: {
    200: jsonContent(Rollout, 'The rollout now', answerExample('promoteCandidate', 200)),
    ...errorResponses(400, 404),
    ...rolloutConflict(', or there is no candidate (an `ErrorBody`)'),
  },
});

const rollback = createRoute({
  method: 'post',
  operationId: 'rollBackCandidate',
  path: '/api/flows/{id}/rollout/rollback',
  description:
    'Sends every new ticket to the stable version again (candidate at 0 %, ramp stopped). Tickets already on the candidate finish on it; move them with the migrate route.',
  tags,
  summary: 'Send every new ticket to stable (candidate at 0%, ramp stopped); candidate tickets in flight finish on it',
  request: { params: FlowParams, ...optionalBody(RolloutActionRequest, REQUEST_EXAMPLES.rollBackCandidate) },
  responses: {
    200: jsonContent(Rollout, 'The rollout now', answerExample('rollBackCandidate', 200)),
    ...errorResponses(400, 404),
    ...rolloutConflict(', or there is no candidate (an `ErrorBody`)'),
  },
});

const migrate = createRoute({
  method: 'post',
  operationId: 'migrateTickets',
  path: '/api/flows/{id}/rollout/migrate',
  description:
    'Moves tickets in flight from one version to another. Refused as a whole (409, nothing moves) when a ticket rests at a node the new version does not have.',
  tags,
  summary:
    'Move in-flight tickets from one version to another; refused (nothing moves) when a ticket rests where the new version has no counterpart',
  request: { params: FlowParams, ...body(MigrateTicketsRequest, REQUEST_EXAMPLES.migrateTickets) },
  responses: {
    200: jsonContent(TicketsMigrated, 'Migrated', answerExample('migrateTickets', 200)),
    ...errorResponses(400, 404),
    ...rolloutConflict(', or a ticket rests where the new version has no counterpart (an `ErrorBody` naming each; nothing moved)'),
  },
});

const metrics = createRoute({
  method: 'get',
  operationId: 'getFlowMetrics',
  path: '/api/flows/{id}/metrics',
  description:
    "Counts each version's tickets and outcomes (errors, SLA breaches, escalations) and compares the candidate with stable, with 95 % intervals, so a rollout can be decided on numbers.",
  tags,
  summary: "Each version's numbers over its tickets, and the candidate against stable with 95% intervals",
  request: { params: FlowParams, query: MetricsQuery },
  responses: { 200: jsonContent(FlowMetrics, 'The numbers', answerExample('getFlowMetrics', 200)), ...errorResponses(400, 404) },
});

const notifications = createRoute({
  method: 'get',
  operationId: 'listNotifications',
  path: '/api/notifications',
  description:
    'Lists what the runtime told ops, newest first: a guardrail that rolled a candidate back, a ramp that finished, a webhook that failed.',
  tags,
  summary: 'What the runtime told ops (a guardrail rolled a candidate back, a ramp finished), newest first',
  request: { query: NotificationsQuery },
  responses: {
    200: jsonContent(OpsNotificationList, 'The notifications', answerExample('listNotifications', 200)),
    ...errorResponses(400),
  },
});

/**
 * Gradual rollout: deployments, ramp, guardrails, migration, and the numbers to decide by.
 * Under `twoPersonRule` nobody deploys (sets as stable or candidate, or promotes) a version they published.
 */
export function rolloutRoutes(ctx: RuntimeContext, twoPersonRule = false): SwitchyardApp {
  return createRouter()
    .openapi(get, async (c) => c.json(await getRollout(ctx, c.req.valid('param').id), 200))
    .openapi(put, async (c) => {
      const { id } = c.req.valid('param');
      const deployer = deployerCheck(c, twoPersonRule);
      return refusingSelfDeploy(c, async () => c.json(await setRollout(ctx, id, c.req.valid('json'), c.get('actor'), deployer), 200));
    })
    .openapi(promote, async (c) => {
      const { id } = c.req.valid('param');
      const deployer = deployerCheck(c, twoPersonRule);
      return refusingSelfDeploy(c, async () =>
        c.json(await promoteCandidate(ctx, id, c.req.valid('json') ?? {}, c.get('actor'), deployer), 200),
      );
    })
    .openapi(rollback, async (c) =>
      c.json(await rollBackCandidate(ctx, c.req.valid('param').id, c.req.valid('json') ?? {}, c.get('actor')), 200),
    )
    .openapi(migrate, async (c) => c.json(await migrateTickets(ctx, c.req.valid('param').id, c.req.valid('json'), c.get('actor')), 200))
    .openapi(metrics, async (c) => {
      const { stable, candidate } = c.req.valid('query');
      return c.json(await flowMetrics(ctx, c.req.valid('param').id, { stable, candidate }), 200);
    })
    .openapi(notifications, async (c) => c.json(await listOpsNotifications(ctx.db, c.req.valid('query').limit), 200));
}
