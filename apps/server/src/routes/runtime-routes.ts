import { createRoute } from '@hono/zod-openapi';
import { EffectList, EffectQuery, RuntimeStats } from '@switchyard/api';
import { listEffects, type RuntimeContext, runtimeStats } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['runtime'];

const stats = createRoute({
  method: 'get',
  path: '/api/runtime/stats',
  tags,
  summary: 'Work waiting (due tickets, pending events), its lag, and effects by status: what ops watch',
  responses: { 200: jsonContent(RuntimeStats, 'The figures now'), ...errorResponses() },
});

const effects = createRoute({
  method: 'get',
  path: '/api/effects',
  tags,
  summary: 'Side effects by status and ticket, newest first; status=dead is the dead-letter list',
  request: { query: EffectQuery },
  responses: { 200: jsonContent(EffectList, 'The effects'), ...errorResponses(400) },
});

/** What ops watch of the runtime: queue depth and lag, and the effects given up. */
export function runtimeRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(stats, async (c) => c.json(await runtimeStats(ctx.db, ctx.clock.now()), 200))
    .openapi(effects, async (c) => {
      const { status, ticket, limit } = c.req.valid('query');
      return c.json(await listEffects(ctx.db, { status, ticketId: ticket, limit }), 200);
    });
}
