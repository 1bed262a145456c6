import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { z } from 'zod';
import { freePort } from '@switchyard/runtime/testing';
import { buildServerBundle, ensureTemplate } from '@switchyard/server';
import { type BenchRow, fmtMs } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIRST_TARGET_MS = 15_000;
const RESTART_TARGET_MS = 5_000;
/** Past this a start is reported as failed, not waited for. */
const GIVE_UP_MS = 180_000;

/** The phases the server logs with "switchyard is serving" (wall and CPU ms; see start-phases.ts). */
const Serving = z.object({
  msg: z.literal('switchyard is serving'),
  start: z.object({ ms: z.record(z.string(), z.number()), cpuMs: z.record(z.string(), z.number()) }),
});
type Phases = z.infer<typeof Serving>['start'];

interface Start {
  /** From the command to the first answer on /api/health. */
  readonly ms: number;
  /** What the server itself measured, undefined if it logged nothing. */
  readonly phases: Phases | undefined;
  readonly stop: () => Promise<void>;
}

/** Runs `pnpm start` (the real command, its own process group) on a data folder; resolves once /api/health answers. */
async function startOnce(dataDir: string, template = true): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn('pnpm', ['-s', 'start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: {
      ...process.env,
      PORT: String(port),
      SWITCHYARD_DATA_DIR: dataDir,
      DATABASE_URL: '',
      SWITCHYARD_ADMIN_TOKEN: '',
      SWITCHYARD_EXAMPLE_SERVICES_PORT: '0',
      LOG_LEVEL: 'info',
      SWITCHYARD_DB_TEMPLATE: template ? '1' : '0',
    },
  });
  let phases: Phases | undefined;
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const serving = Serving.safeParse(JSON.parse(line));
        if (serving.success) phases = serving.data.start;
      } catch {
        // not a log line
      }
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
    if (ok) return { ms: performance.now() - started, phases, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`pnpm start did not answer within ${GIVE_UP_MS} ms`);
}

/** "load 812 · open 640 · … (wall)": the server's phases, for the table. */
const phaseLine = (times: Record<string, number> | undefined): string =>
  times
    ? Object.entries(times)
        .filter(([phase]) => phase !== 'total')
        .map(([phase, ms]) => `${phase} ${ms}`)
        .join(' · ')
    : 'not logged';

/** The figures of one start: its wall time against the target, then the server's own phases (wall and CPU ms). */
function rows(name: string, start: Start, targetMs: number): BenchRow[] {
  return [
    {
      bench: 'pnpm start',
      metric: `${name}: first answer`,
      value: fmtMs(start.ms),
      target: `< ${targetMs / 1000} s`,
      pass: start.ms < targetMs,
    },
    {
      bench: 'pnpm start',
      metric: `${name}: server CPU (all threads)`,
      value: start.phases ? fmtMs(start.phases.cpuMs.total ?? 0) : 'not logged',
    },
    { bench: 'pnpm start', metric: `${name}: phases, wall ms`, value: phaseLine(start.phases?.ms) },
    { bench: 'pnpm start', metric: `${name}: phases, CPU ms`, value: phaseLine(start.phases?.cpuMs) },
  ];
}

/**
 * `pnpm start` from the command to its first answer on /api/health: on an empty data folder
 * (what a fresh clone does after `pnpm install`: the database template and the precompiled
 * server made by postinstall, the examples seeded) and again on the same folder (a restart).
 * Beside each, the phases the server measured itself, CPU time included: on a busy machine the
 * wall clock mostly measures the neighbours (the load average is printed too).
 */
export async function benchStartTime(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-start-'));
  const untemplated = mkdtempSync(join(tmpdir(), 'switchyard-bench-start-'));
  try {
    // What `pnpm install` made (postinstall): the migrated database template and the precompiled server.
    await ensureTemplate(ROOT, pino({ level: 'silent' }));
    await buildServerBundle(ROOT);
    const load = loadavg()[0] ?? 0;
    // Before the template: a new data folder initialised and migrated by the start itself.
    const before = await startOnce(untemplated, false);
    await before.stop();
    const first = await startOnce(dataDir);
    await first.stop();
    const again = await startOnce(dataDir);
    await again.stop();
    return [
      { bench: 'pnpm start', metric: 'machine load average (1 min) before the starts', value: load.toFixed(2) },
      { bench: 'pnpm start', metric: 'first answer, empty data dir, no template (before)', value: fmtMs(before.ms) },
      ...rows('first start (fresh clone after install)', first, FIRST_TARGET_MS),
      ...rows('restart', again, RESTART_TARGET_MS),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(untemplated, { recursive: true, force: true });
  }
}
