import type { SwitchyardApp } from '../app-env';
import { addDocsPage } from '../docs/docs-page';
import { SERVER_VERSION } from './health-routes';

/**
 * GET /openapi.json (OpenAPI 3.1, generated from the route definitions, so it cannot drift
 * from what the server checks) and GET /docs (Swagger UI from the installed swagger-ui-dist,
 * served by this server: the page works without internet, see docs/docs-page.ts).
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
    // Relative: the document describes whichever host served it (a proxy's public URL included).
    servers: [{ url: '/', description: 'The Switchyard server that served this document' }],
    security: [{ bearer: [] }],
  });
  addDocsPage(app);
}
