import { createRoute } from '@hono/zod-openapi';
import { EffectList, EffectQuery, RuntimeStats } from '@switchyard/api';
import { listEffects, type RuntimeContext, runtimeStats } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['runtime'];

const stats = createRoute({
  method: 'get',
  operationId: 'getRuntimeStats',
  path: '/api/runtime/stats',
  description:
    'Reads what ops watch: tickets due, events pending, how late the oldest is, and side effects by status (dead ones need a person).',
  tags,
  summary: 'Work waiting (due tickets, pending events), its lag, and effects by status: what ops watch',
  responses: { 200: jsonContent(RuntimeStats, 'The figures now', answerExample('getRuntimeStats', 200)), ...errorResponses() },
});

const effects = createRoute({
  method: 'get',
  operationId: 'listEffects',
  path: '/api/effects',
  description:
    'Lists side effects (messages, HTTP calls of custom nodes) newest first, filtered by status and ticket; `status=dead` is the dead-letter list of effects that failed every retry.',
  tags,
  summary: 'Side effects by status and ticket, newest first; status=dead is the dead-letter list',
  request: { query: EffectQuery },
  responses: { 200: jsonContent(EffectList, 'The effects', answerExample('listEffects', 200)), ...errorResponses(400) },
});

/** What ops watch of the runtime: queue depth and lag, and the effects given up. */
export function runtimeRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(stats, async (c) => c.json(await runtimeStats(ctx.db, ctx.clock.now()), 200))
    .openapi(effects, async (c) => {
      const { status, ticket, flow, since, limit } = c.req.valid('query');
      return c.json(await listEffects(ctx.db, { status, ticketId: ticket, flowId: flow, since, limit }), 200);
    });
}
