import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { WorkCounts } from './work-counter';

const ROOT = join(import.meta.dirname, '../..');
const SCRIPT = join(import.meta.dirname, 'worker-process.ts');

/** What a worker process reported when it was stopped with SIGTERM. */
export interface WorkerStats extends WorkCounts {
  readonly pid: number;
}

/** A running `worker-process.ts`. */
export interface WorkerProcess {
  readonly pid: number;
  /** Resolves once the process printed "ready". */
  readonly ready: Promise<void>;
  /** SIGTERM, then waits for its stats line and exit 0. */
  stop(timeoutMs?: number): Promise<WorkerStats>;
  /** SIGKILL, then waits until it is gone. */
  kill(): Promise<void>;
  /** Whether it exited (on its own or killed). */
  readonly exited: boolean;
}

const isStats = (value: unknown): value is WorkerStats =>
  typeof value === 'object' &&
  value !== null &&
  ['pid', 'applied', 'batches', 'claimed', 'settled'].every((k) => typeof (value as Record<string, unknown>)[k] === 'number') &&
  typeof (value as Record<string, unknown>).writes === 'object';

/**
 * Starts one worker process (`node --import tsx`) on a test schema. Its stderr (warnings
 * and errors of the runtime's logger) is kept and shown if it exits unexpectedly.
 */
export function startWorkerProcess(schema: string, env: Record<string, string> = {}): WorkerProcess {
  // WORKER_CPU_PROF_DIR: each worker writes a V8 CPU profile there when it exits (a bench's profile).
  const profile = process.env.WORKER_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WORKER_CPU_PROF_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWITCHYARD_TEST_SCHEMA: schema },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  let stats: WorkerStats | undefined;
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      else if (line.startsWith('stats ')) {
        const parsed: unknown = JSON.parse(line.slice('stats '.length));
        if (isStats(parsed)) stats = parsed;
      }
    });
    void exit.then((code) => reject(new Error(`worker process exited with ${code} before it was ready: ${stderr}`)));
  });
  ready.catch(() => undefined);
  return {
    pid: child.pid!,
    ready,
    get exited() {
      return exited;
    },
    async stop(timeoutMs = 20_000) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      if (code !== 0 || !stats) throw new Error(`worker ${child.pid} stopped with ${code} and ${stats ? 'its' : 'no'} stats: ${stderr}`);
      return stats;
    },
    async kill() {
      child.kill('SIGKILL');
      await exit;
    },
  };
}

/** Starts `count` worker processes and waits until all are ready. */
export async function startWorkerProcesses(count: number, schema: string, env: Record<string, string> = {}): Promise<WorkerProcess[]> {
  const workers = Array.from({ length: count }, () => startWorkerProcess(schema, env));
  await Promise.all(workers.map((w) => w.ready));
  return workers;
}
