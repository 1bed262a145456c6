import { pathToFileURL } from 'node:url';
import { createTestSchema, testPostgresUrl } from '@switchyard/runtime/testing';
import pino from 'pino';
import { startServer } from '@switchyard/server';
import { benchRegistry } from './durable-workload';
import { type BenchRow, renderTable } from './report';

const SECONDS = Number(process.env.IDLE_BENCH_SECONDS ?? 10);
/** Share of one core an idle server may use. */
const TARGET = 0.01;
/** The worker's sleep before idle wake-ups: a fixed 100 ms poll, for the side-by-side figure. */
const OLD_POLL_MS = 100;

/** CPU (user + system) this process used over `seconds` of doing nothing, as a share of one core. */
async function idleShare(seconds: number): Promise<number> {
  const start = process.cpuUsage();
  const began = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (performance.now() - began);
}

/** An idle server (worker on, nothing queued) in this process, measured, then closed. */
async function measure(database: 'pglite' | 'postgres', pollMs: number | undefined): Promise<number> {
  const scratch = database === 'postgres' ? await createTestSchema() : undefined;
  const server = await startServer({
    port: 0,
    seed: false,
    logger: pino({ level: 'warn' }),
    registry: benchRegistry,
    ...(scratch ? { databaseUrl: testPostgresUrl(), databaseSchema: scratch.schema } : {}),
    worker: pollMs === undefined ? {} : { pollMs },
  });
  try {
    // Let the first rounds (rollout checks, reseal) pass before measuring.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return await idleShare(SECONDS);
  } finally {
    await server.close();
    await scratch?.drop();
  }
}

/**
 * An idle server's CPU (this process: HTTP server, worker and, on PGlite, the database), with
 * the worker sleeping until a notification or the next due time (PGlite: no poll; PostgreSQL:
 * LISTEN plus a 5 s safety poll), beside the same server polling every 100 ms, in one run.
 * The PostgreSQL server process's own CPU is not counted.
 */
export async function benchIdleCpu(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    const now = await measure(database, undefined);
    const polling = await measure(database, OLD_POLL_MS);
    rows.push(
      {
        bench: 'idle server',
        metric: `CPU share of a core, ${database}`,
        value: `${(now * 100).toFixed(2)} %`,
        target: `< ${TARGET * 100} %`,
        pass: now < TARGET,
      },
      {
        bench: 'idle server',
        metric: `${database}: polling every ${OLD_POLL_MS} ms, same run`,
        value: `${(polling * 100).toFixed(2)} % (${(polling / Math.max(now, 1e-6)).toFixed(1)}x)`,
      },
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(renderTable(await benchIdleCpu()));
