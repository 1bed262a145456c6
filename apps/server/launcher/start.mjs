// @ts-check
/*
 * `pnpm start`. Runs the precompiled server (apps/server/dist/main.mjs, built by `pnpm install`
 * and rebuilt whenever its sources change) when it matches the sources: Node then loads one
 * JavaScript file instead of transpiling several hundred TypeScript ones. Otherwise it runs the
 * sources through tsx, as before, and rebuilds the bundle in the background for the next start.
 * Plain JavaScript because Node cannot run TypeScript before a loader is registered.
 * SWITCHYARD_SERVER_BUNDLE=0 always runs the sources.
 */
import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, BUNDLE_MAIN, whyBundleIsStale } from './bundle-freshness.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const QUIET = ['warn', 'error', 'fatal', 'silent'].includes(process.env.LOG_LEVEL ?? '');

/**
 * One log line shaped like the server's (pino JSON, level info).
 * @param {string} msg
 */
function note(msg) {
  if (!QUIET) process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg })}\n`);
}

/** Rebuilds the bundle in a process of its own, at low priority, that outlives this one if need be. */
function rebuildInBackground() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/server-bundle/build-cli.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  child.once('error', () => {});
  if (child.pid !== undefined)
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: it builds at normal priority.
    }
  child.unref();
}

const stale = process.env.SWITCHYARD_SERVER_BUNDLE === '0' ? 'SWITCHYARD_SERVER_BUNDLE=0' : await whyBundleIsStale(ROOT);
if (stale === undefined) {
  await import(pathToFileURL(join(ROOT, BUNDLE_DIR, BUNDLE_MAIN)).href);
} else {
  if (process.env.SWITCHYARD_SERVER_BUNDLE !== '0') {
    note(
      `running the server from its TypeScript sources (precompiled server: ${stale}); rebuilding it in the background for the next start`,
    );
    rebuildInBackground();
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'apps/server/src/main.ts')).href);
}
