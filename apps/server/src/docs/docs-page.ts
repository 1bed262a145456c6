import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SwitchyardApp } from '../app-env';

/*
 * The API reference page, served entirely by this server: Swagger UI's bundle and style sheet
 * come from the installed `swagger-ui-dist` package, its start-up script is a file of ours,
 * and the page loads nothing else. So /docs works without internet and under a strict
 * Content-Security-Policy (`script-src 'self'`: no inline script, no CDN, no eval).
 */

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchyard API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-testid="api-docs"></div>
<noscript>The reference needs JavaScript; the document itself is <a href="/openapi.json">/openapi.json</a>.</noscript>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/docs-init.js"></script>
</body>
</html>`;

/** Starts Swagger UI on /openapi.json; no validator badge (it would call validator.swagger.io). */
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    displayOperationId: true,
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  });
});
`;

/** The files of swagger-ui-dist served under /docs/assets (name → content type). */
const VIEWER_FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

function viewerDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/**
 * GET /docs (the reference page) and its assets under /docs/assets; files are read on first
 * request and kept, so a server that never shows the page never reads them.
 */
export function addDocsPage(app: SwitchyardApp): void {
  const cache = new Map<string, string>();
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/assets/docs-init.js', (c) =>
    c.body(INIT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }),
  );
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = Object.hasOwn(VIEWER_FILES, file) ? VIEWER_FILES[file] : undefined;
    if (type === undefined) return c.json({ error: `no route GET ${c.req.path}` }, 404);
    let body = cache.get(file);
    if (body === undefined) {
      body = await readFile(join(viewerDir(), file), 'utf8');
      cache.set(file, body);
    }
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  });
}
