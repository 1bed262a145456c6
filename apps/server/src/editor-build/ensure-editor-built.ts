import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, setPriority } from 'node:os';
import type { Logger } from 'pino';
import { editorSourceHash } from './editor-source-hash';

/** Beside the built files: the source hash they were built from. */
export const BUILD_HASH_FILE = '.source-hash';

export interface EditorBuildResult {
  /** `fresh`: dist was built from these sources already; `built`: rebuilt now; `stopped`: the server stopped mid-build. */
  readonly outcome: 'fresh' | 'built' | 'stopped';
  readonly ms: number;
}

function lowerPriority(pid: number): void {
  try {
    setPriority(pid, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here (some containers): the build runs at the server's priority.
  }
}

async function runViteBuild(editorDir: string, outDir: string, signal: AbortSignal | undefined): Promise<void> {
  const vite = join(editorDir, 'node_modules/vite/bin/vite.js');
  // NODE_ENV=production: Vite keeps an inherited NODE_ENV, and "development" would bundle React's dev build.
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: editorDir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A server stopping mid-build stops the build too (no orphan writing dist.next).
    ...(signal ? { signal, killSignal: 'SIGTERM' as const } : {}),
  });
  // Below the server's priority: on a small machine the build must not slow the answers (nor a start beside it).
  if (child.pid !== undefined) lowerPriority(child.pid);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => (signal?.aborted ? resolve(null) : reject(error)));
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}

/**
 * Builds apps/editor/dist only when its sources changed since the last build (a content hash
 * kept in dist/.source-hash). The new build goes to dist.next and replaces dist when complete,
 * so a server serving the old one never serves half a build.
 * @example await ensureEditorBuilt(REPO_ROOT, logger);
 */
export async function ensureEditorBuilt(rootDir: string, logger: Logger, signal?: AbortSignal): Promise<EditorBuildResult> {
  const started = performance.now();
  const editorDir = join(rootDir, 'apps/editor');
  const dist = join(editorDir, 'dist');
  const hash = await editorSourceHash(rootDir);
  const built = await readFile(join(dist, BUILD_HASH_FILE), 'utf8').catch(() => undefined);
  if (built?.trim() === hash && existsSync(join(dist, 'index.html'))) {
    logger.info('editor is up to date with its sources: no build needed');
    return { outcome: 'fresh', ms: performance.now() - started };
  }
  logger.info('building the editor in the background (its sources changed); the API answers meanwhile');
  const next = join(editorDir, 'dist.next');
  await runViteBuild(editorDir, next, signal);
  if (signal?.aborted) return { outcome: 'stopped', ms: performance.now() - started };
  await writeFile(join(next, BUILD_HASH_FILE), `${hash}\n`);
  await rm(dist, { recursive: true, force: true });
  await rename(next, dist);
  const ms = performance.now() - started;
  logger.info({ ms: Math.round(ms) }, 'editor built');
  return { outcome: 'built', ms };
}
