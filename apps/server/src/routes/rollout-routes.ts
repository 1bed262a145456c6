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
import { principalOf } from '../auth/principal';
import { currentSplit, ownVersions, twoPersonRefusal } from '../auth/two-person-rule';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const FlowParams = z.object({ id: z.string().min(1).max(100) });
const MetricsQuery = z.object({
  stable: z.coerce.number().int().positive().optional(),
  candidate: z.coerce.number().int().positive().optional(),
});
const NotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const tags = ['rollout'];
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const optionalBody = <S extends z.ZodType>(schema: S) => ({ body: { required: false, content: { 'application/json': { schema } } } });
/** A change made against a `revision` the deployment moved on from; promote, roll back and migrate also answer 409 when the change cannot apply. */
const rolloutConflict = (also = '') => ({
  409: jsonContent(
    also ? RolloutRefusal : RolloutConflict,
    `The deployment changed since \`revision\` (the answer carries it now; nothing changed)${also}`,
  ),
});

const get = createRoute({
  method: 'get',
  path: '/api/flows/{id}/rollout',
  tags,
  summary: "A flow's deployment: stable and candidate versions, the candidate's share, ramp plan, guardrails, history",
  request: { params: FlowParams },
  responses: { 200: jsonContent(Rollout, 'The rollout'), ...errorResponses(400, 404) },
});

const put = createRoute({
  method: 'put',
  path: '/api/flows/{id}/rollout',
  tags,
  summary: 'Deploy: which versions new tickets get (a candidate for percent % of them, sticky per ticket), with a ramp plan and guardrails',
  request: { params: FlowParams, ...body(RolloutRequest) },
  responses: { 200: jsonContent(Rollout, 'The rollout now'), ...errorResponses(400, 404), ...rolloutConflict() },
});

const promote = createRoute({
  method: 'post',
  path: '/api/flows/{id}/rollout/promote',
  tags,
  summary: 'Make the candidate the stable version for every new ticket',
  request: { params: FlowParams, ...optionalBody(RolloutActionRequest) },
  responses: {
    200: jsonContent(Rollout, 'The rollout now'),
    ...errorResponses(400, 404),
    ...rolloutConflict(', or there is no candidate (an `ErrorBody`)'),
  },
});

const rollback = createRoute({
  method: 'post',
  path: '/api/flows/{id}/rollout/rollback',
  tags,
  summary: 'Send every new ticket to stable (candidate at 0%, ramp stopped); candidate tickets in flight finish on it',
  request: { params: FlowParams, ...optionalBody(RolloutActionRequest) },
  responses: {
    200: jsonContent(Rollout, 'The rollout now'),
    ...errorResponses(400, 404),
    ...rolloutConflict(', or there is no candidate (an `ErrorBody`)'),
  },
});

const migrate = createRoute({
  method: 'post',
  path: '/api/flows/{id}/rollout/migrate',
  tags,
  summary:
    'Move in-flight tickets from one version to another; refused (nothing moves) when a ticket rests where the new version has no counterpart',
  request: { params: FlowParams, ...body(MigrateTicketsRequest) },
  responses: {
    200: jsonContent(TicketsMigrated, 'Migrated'),
    ...errorResponses(400, 404),
    ...rolloutConflict(', or a ticket rests where the new version has no counterpart (an `ErrorBody` naming each; nothing moved)'),
  },
});

const metrics = createRoute({
  method: 'get',
  path: '/api/flows/{id}/metrics',
  tags,
  summary: "Each version's numbers over its tickets, and the candidate against stable with 95% intervals",
  request: { params: FlowParams, query: MetricsQuery },
  responses: { 200: jsonContent(FlowMetrics, 'The numbers'), ...errorResponses(400, 404) },
});

const notifications = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags,
  summary: 'What the runtime told ops (a guardrail rolled a candidate back, a ramp finished), newest first',
  request: { query: NotificationsQuery },
  responses: { 200: jsonContent(OpsNotificationList, 'The notifications'), ...errorResponses(400) },
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
      const request = c.req.valid('json');
      if (twoPersonRule) {
        // Restating the stable version deploys nothing new; every other version named is deployed by this change.
        const { stable } = await currentSplit(ctx, id);
        const named = [request.stable, request.candidate].filter((v): v is number => typeof v === 'number' && v !== stable);
        const [own] = await ownVersions(ctx, principalOf(c), id, named);
        if (own !== undefined) return twoPersonRefusal(c, id, own);
      }
      return c.json(await setRollout(ctx, id, request, c.get('actor')), 200);
    })
    .openapi(promote, async (c) => {
      const { id } = c.req.valid('param');
      if (twoPersonRule) {
        const { candidate } = await currentSplit(ctx, id);
        const [own] = await ownVersions(ctx, principalOf(c), id, candidate === null ? [] : [candidate]);
        if (own !== undefined) return twoPersonRefusal(c, id, own);
      }
      return c.json(await promoteCandidate(ctx, id, c.req.valid('json') ?? {}, c.get('actor')), 200);
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
