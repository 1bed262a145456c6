import { createHash, timingSafeEqual } from 'node:crypto';
import { createRuntimeMetrics, renderMetrics, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { callerResolver } from '../auth/resolve-caller';
import { PLAIN_ROUTE_PERMISSIONS } from '../auth/route-permissions';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics: this process's figures in Prometheus's text format (not JSON, so not in
 * /openapi.json: like /openapi.json and /docs it is a plain route, outside /api). Readable with
 * `Authorization: Bearer <SWITCHYARD_METRICS_TOKEN>` (a scraper's token that opens nothing else),
 * or by any caller holding `runtime.read` (the admin token, an ops or engineer token or session).
 */
export function addMetricsRoute(
  app: SwitchyardApp,
  ctx: RuntimeContext,
  tokens: { adminToken?: string | undefined; metricsToken?: string | undefined },
): void {
  const metrics = ctx.metrics ?? createRuntimeMetrics();
  const resolveCaller = callerResolver(ctx, tokens.adminToken);
  const scraperDigest = tokens.metricsToken ? digest(tokens.metricsToken) : undefined;
  const permission = PLAIN_ROUTE_PERMISSIONS['GET /metrics'];
  app.get('/metrics', async (c) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const scraper = scraperDigest !== undefined && bearer !== undefined && timingSafeEqual(digest(bearer), scraperDigest);
    if (!scraper) {
      const caller = await resolveCaller(c);
      if (caller.outcome !== 'found') {
        c.header('WWW-Authenticate', 'Bearer realm="switchyard"');
        return c.json({ error: 'send Authorization: Bearer <metrics or admin token>', details: { header: 'Authorization' } }, 401);
      }
      if (!caller.principal.permissions.has(permission))
        return c.json({ error: `permission ${permission} is missing`, details: { permission } }, 403);
    }
    const { contentType, text } = await renderMetrics(metrics, ctx.db, ctx.clock.now());
    return c.body(text, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
}
