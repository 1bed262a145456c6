import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `pnpm start`'s entry (apps/server/src/main.ts) lives. */
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Starting runs migrations, loads the examples and hashes the demo accounts' passwords (argon2id) into a fresh PGlite: give it time on a busy 2-core machine. */
const START_TIMEOUT_MS = 240_000;

/** A Switchyard server running the real entry in a child process, on its own database. */
export interface SwitchyardServer {
  readonly url: string;
  /** The first admin, made at start from SWITCHYARD_ADMIN_EMAIL/PASSWORD, and the break-glass token for API set-up. */
  readonly admin: { readonly email: string; readonly password: string; readonly token: string };
  /** What the server printed, for a failing test's message. */
  output(): string;
  /** A JSON call with the admin token, for a test's set-up: the parsed answer, or an error naming the route and status. */
  asAdmin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /api/health within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * Starts `apps/server/src/main.ts` (what `pnpm start` runs) on a free port with an embedded
 * PGlite database in a temporary folder and the examples loaded; `stop` ends it and deletes the data.
 * @example const server = await startSwitchyard(); await fetch(`${server.url}/api/flows`); await server.stop();
 */
export async function startSwitchyard(): Promise<SwitchyardServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-db-'));
  const tsx = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const admin = {
    email: 'admin@example.com',
    password: `e2e-${randomBytes(9).toString('base64url')}`,
    token: randomBytes(24).toString('hex'),
  };
  const child = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SWITCHYARD_DATA_DIR: dataDir,
      SWITCHYARD_SEED: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SWITCHYARD_ADMIN_TOKEN: admin.token,
      SWITCHYARD_ADMIN_EMAIL: admin.email,
      SWITCHYARD_ADMIN_PASSWORD: admin.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const asAdmin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    // On a loaded machine a kept-alive socket the server has just closed resets the next request; a read is sent again.
    const response = await send(method, path, body).catch((error: unknown) => {
      if (method !== 'GET' || !isConnectionReset(error)) throw error;
      return send(method, path, body);
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return { url, admin, output: () => log, stop, asAdmin };
}

/** Undici's "fetch failed" whose cause is the peer resetting the connection. */
function isConnectionReset(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === 'ECONNRESET';
}
