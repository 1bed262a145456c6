import { createRoute } from '@hono/zod-openapi';
import { Health, NodeCatalog } from '@switchyard/api';
import { describeNodes, type NodeRegistry } from '@switchyard/nodes';
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
export function healthRoutes(registry: NodeRegistry): SwitchyardApp {
  // The catalog only changes with a restart: describe it once, checked against the contract.
  const catalog = NodeCatalog.parse(describeNodes(registry.list()));
  return createRouter()
    .openapi(health, (c) => c.json({ status: 'ok' as const, version: SERVER_VERSION }, 200))
    .openapi(nodes, (c) => c.json(catalog, 200));
}
