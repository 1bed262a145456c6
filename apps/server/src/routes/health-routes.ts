import { createRoute } from '@hono/zod-openapi';
import { type CatalogEntry, Health, NodeCatalog } from '@switchyard/api';
import { describeNodes } from '@switchyard/nodes';
import { type RuntimeContext, setSecretNames } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

export const SERVER_VERSION = '0.1.0';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['server'],
  summary: 'Liveness: answers without a token',
  security: [],
  responses: { 200: jsonContent(Health, 'The server is up') },
});

const nodes = createRoute({
  method: 'get',
  path: '/api/nodes',
  tags: ['server'],
  summary: 'The node types flows can use, each config as JSON Schema',
  responses: { 200: jsonContent(NodeCatalog, 'Built-in nodes and those of switchyard.config.ts'), ...errorResponses() },
});

/** GET /api/health and GET /api/nodes. */
export function healthRoutes(ctx: RuntimeContext): SwitchyardApp {
  // Node types only change with a restart: describe them once, as the API's `CatalogEntry`s.
  const catalog = describeNodes(ctx.registry.list()).map((n): CatalogEntry => ({ ...n, ports: [...n.ports], secrets: [...n.secrets] }));
  const hasSecrets = catalog.some((n) => (n.secrets ?? []).length > 0);
  return createRouter()
    .openapi(health, (c) => c.json({ status: 'ok' as const, version: SERVER_VERSION }, 200))
    .openapi(nodes, async (c) => {
      if (!hasSecrets) return c.json(catalog, 200);
      // Which secrets are set changes with PUT /api/secrets: asked per request (names only).
      const set = await setSecretNames(ctx);
      return c.json(
        catalog.map((n) => ({ ...n, secrets: (n.secrets ?? []).map(({ name }) => ({ name, set: set.has(name) })) })),
        200,
      );
    });
}
