import { fork } from 'node:child_process';
import { join } from 'node:path';
import { SIDES, type Side } from './throughput-sides';
import type { WorkerReport } from './throughput-worker';

const WORKER = join(import.meta.dirname, 'throughput-worker.ts');

const numbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((v) => typeof v === 'number');

/** IPC messages arrive untyped: check the shape before trusting the figures. */
function isReport(value: unknown): value is WorkerReport {
  if (typeof value !== 'object' || value === null) return false;
  const { side, tickets, wall, cpu } = value as Record<string, unknown>;
  return SIDES.some((s) => s === side) && typeof tickets === 'number' && numbers(wall) && numbers(cpu);
}

/** Runs one side in a fresh process (same tsx loader as this one) and returns its samples. */
export function runWorker(side: Side, warmupMs: number, measureMs: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    let report: WorkerReport | undefined;
    const child = fork(WORKER, [side, String(warmupMs), String(measureMs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message) => {
      if (isReport(message)) report = message;
    });
    child.on('error', reject);
    child.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`${side} worker exited with ${code}`))));
  });
}
