import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { SwitchyardApp } from './app-env';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchyard</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Switchyard</h1>
<p>The API is running (<a href="/docs">API reference</a>, <a href="/api/health">health</a>), but the editor is not built.</p>
<p>Build it with <code>pnpm --filter @switchyard/editor build</code> and restart the server.</p>
<p lang="zh-CN">编辑器尚未构建：运行 <code>pnpm --filter @switchyard/editor build</code> 后重启服务。</p>
</body></html>`;

/**
 * Serves the built editor (`apps/editor/dist`) at `/`, answering its `index.html` for
 * client-side routes (`/flows/intake`); without a build, a page saying how to make one.
 * Paths under /api never fall back to the editor: an unknown API route stays a JSON 404.
 */
export function addEditorRoutes(app: SwitchyardApp, editorDir: string | undefined): void {
  const built = editorDir !== undefined && existsSync(join(editorDir, 'index.html'));
  if (!built) {
    app.get('/', (c) => c.html(NOT_BUILT));
    return;
  }
  let index: string | undefined;
  app.use('*', serveStatic({ root: editorDir }));
  app.get('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    index ??= await readFile(join(editorDir, 'index.html'), 'utf8');
    return c.html(index);
  });
}
