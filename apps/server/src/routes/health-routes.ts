import { createRoute } from '@hono/zod-openapi';
import { type CatalogEntry, Health, NodeCatalog } from '@switchyard/api';
import { describeNodes } from '@switchyard/nodes';
import { type RuntimeContext, setSecretNames } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample } from '../docs/api-examples';
import { errorResponses, jsonContent, publicErrorResponses } from '../error-responses';

export const SERVER_VERSION = '0.1.0';

const health = createRoute({
  method: 'get',
  operationId: 'getHealth',
  path: '/api/health',
  description: 'Answers while the server is up, without a token: for load balancers and `pnpm bench`.',
  tags: ['server'],
  summary: 'Liveness: answers without a token',
  security: [],
  responses: {
    200: jsonContent(Health, 'The server is up', answerExample('getHealth', 200)),
    ...publicErrorResponses(),
  },
});

const nodes = createRoute({
  method: 'get',
  operationId: 'listNodeTypes',
  path: '/api/nodes',
  description:
    'Lists the node types flows can use (built-in and those of switchyard.config.ts): title, ports and config as JSON Schema, and which secrets each needs.',
  tags: ['server'],
  summary: 'The node types flows can use, each config as JSON Schema',
  responses: {
    200: jsonContent(NodeCatalog, 'Built-in nodes and those of switchyard.config.ts', answerExample('listNodeTypes', 200)),
    ...errorResponses(),
  },
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
