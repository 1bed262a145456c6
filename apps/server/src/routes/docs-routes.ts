import { Scalar } from '@scalar/hono-api-reference';
import type { SwitchyardApp } from '../app-env';
import { SERVER_VERSION } from './health-routes';

/**
 * GET /openapi.json (OpenAPI 3.1, generated from the route definitions, so it cannot drift
 * from what the server checks) and GET /docs (Scalar's reference page; the page loads
 * Scalar's script from its CDN in the browser, the server fetches nothing).
 * Registered on the whole app, after every route group, so the document lists them all.
 */
export function addDocsRoutes(app: SwitchyardApp): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token in SWITCHYARD_ADMIN_TOKEN; a server started without it does not check tokens.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Switchyard API',
      version: SERVER_VERSION,
      description:
        'Flows (drafts, immutable versions, dry-run), tickets and their events, the roster. Every error answers `{ error, details }`.',
    },
    security: [{ bearer: [] }],
  });
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Switchyard API' }));
}
