import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ensureTemplate } from '@switchyard/server';
import { type BenchRow, fmtMs } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIRST_TARGET_MS = 15_000;
const RESTART_TARGET_MS = 5_000;
/** Past this a start is reported as failed, not waited for. */
const GIVE_UP_MS = 180_000;

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

/** Runs `pnpm start` (the real command, its own process group) on a data folder; resolves once /api/health answers. */
async function startOnce(dataDir: string, template = true): Promise<{ ms: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn('pnpm', ['-s', 'start'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      SWITCHYARD_DATA_DIR: dataDir,
      DATABASE_URL: '',
      SWITCHYARD_ADMIN_TOKEN: '',
      SWITCHYARD_EXAMPLE_SERVICES_PORT: '0',
      LOG_LEVEL: 'warn',
      SWITCHYARD_DB_TEMPLATE: template ? '1' : '0',
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  while (performance.now() - started < GIVE_UP_MS) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { ms: performance.now() - started, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`pnpm start did not answer within ${GIVE_UP_MS} ms`);
}

/**
 * `pnpm start` from the command to its first answer on /api/health: on an empty data folder
 * (the database initialised, migrated and seeded; the editor built in the background when its
 * sources changed) and again on the same folder (a restart).
 */
export async function benchStartTime(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-start-'));
  const untemplated = mkdtempSync(join(tmpdir(), 'switchyard-bench-start-'));
  try {
    // What `pnpm install` made (postinstall): the migrated database template.
    await ensureTemplate(ROOT, pino({ level: 'silent' }));
    // Before: a new data folder initialised and migrated by the start itself (no template).
    const before = await startOnce(untemplated, false);
    await before.stop();
    const first = await startOnce(dataDir);
    await first.stop();
    const again = await startOnce(dataDir);
    await again.stop();
    return [
      {
        bench: 'pnpm start',
        metric: 'first answer, empty data dir, no template (before)',
        value: fmtMs(before.ms),
      },
      {
        bench: 'pnpm start',
        metric: 'first start: without template / with template',
        value: `${(before.ms / first.ms).toFixed(2)}x`,
      },
      {
        bench: 'pnpm start',
        metric: 'first answer, empty data dir (template made at install)',
        value: fmtMs(first.ms),
        target: `< ${FIRST_TARGET_MS / 1000} s`,
        pass: first.ms < FIRST_TARGET_MS,
      },
      {
        bench: 'pnpm start',
        metric: 'first answer, restart',
        value: fmtMs(again.ms),
        target: `< ${RESTART_TARGET_MS / 1000} s`,
        pass: again.ms < RESTART_TARGET_MS,
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(untemplated, { recursive: true, force: true });
  }
}
