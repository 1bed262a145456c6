import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { AppEnv, SwitchyardApp } from './app-env';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Switchyard</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Switchyard</h1>
<p>The API is running (<a href="/docs">API reference</a>, <a href="/api/health">health</a>), but the editor is not built.</p>
<p><code>pnpm start</code> builds it in the background: this page reloads until it is there. Started otherwise, build it with <code>pnpm --filter @switchyard/editor build</code>.</p>
<p lang="zh-CN">编辑器尚未构建：<code>pnpm start</code> 会在后台构建，本页会自动刷新直到完成；其他方式启动时，请运行 <code>pnpm --filter @switchyard/editor build</code>。</p>
</body></html>`;

/**
 * Serves the built editor (`apps/editor/dist`) at `/`, answering its `index.html` for
 * client-side routes (`/flows/intake`); without a build, a page saying how to make one.
 * Whether it is built is asked per request: `pnpm start` builds it in the background while
 * the API already answers, and the page reloads itself until the editor is there.
 * Paths under /api never fall back to the editor: an unknown API route stays a JSON 404.
 */
export function addEditorRoutes(app: SwitchyardApp, editorDir: string | undefined): void {
  const built = () => editorDir !== undefined && existsSync(join(editorDir, 'index.html'));
  // Made once there is a build: serveStatic warns about a missing folder when it is made.
  let files: MiddlewareHandler<AppEnv> | undefined;
  app.use('*', (c: Context<AppEnv, string>, next: Next) => {
    if (editorDir === undefined || !built()) return next();
    files ??= serveStatic<AppEnv>({ root: editorDir });
    return files(c, next);
  });
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    if (editorDir === undefined || !built()) return c.req.path === '/' ? c.html(NOT_BUILT) : next();
    // Read per request (a small file): a rebuild while serving changes its asset names.
    return c.html(await readFile(join(editorDir, 'index.html'), 'utf8'));
  });
}
