import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** apps/editor, where vite.config.ts is. */
export const EDITOR_DIR = fileURLToPath(new URL('..', import.meta.url));
const VITE_BIN = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

/**
 * Builds the editor into apps/editor/dist, which the server serves at "/". In a child process
 * with NODE_ENV=production: Vite keeps an inherited NODE_ENV, and vitest's "test" would bundle
 * React's development build.
 */
export async function buildEditor(): Promise<void> {
  const child = spawn(process.execPath, [VITE_BIN, 'build', '--logLevel', 'warn'], {
    cwd: EDITOR_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}
