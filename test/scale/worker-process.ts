import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { createWorker, openDatabase, type RuntimeContext, systemClock } from '@switchyard/runtime';
import { testPostgresUrl } from '@switchyard/runtime/testing';
import pino from 'pino';
import { createWorkCounter } from './work-counter';

/*
 * One worker process of the scale-out and crash-safety tests (and of the durable bench):
 * the real PostgreSQL in the schema named by SWITCHYARD_TEST_SCHEMA, the built-in nodes plus
 * billing.suspend, the system clock. Prints "ready" once started; on SIGTERM stops the worker
 * (finishing what is in flight), prints one "stats {json}" line with what this process did,
 * and exits 0. Run with `node --import tsx test/scale/worker-process.ts`.
 *
 * Env: SWITCHYARD_TEST_SCHEMA (required), SWITCHYARD_TEST_DATABASE_URL (optional),
 * SCALE_DELIVERY_TIMEOUT_MS (the delivery timeout; the outbox lease is that + 5 s),
 * SCALE_BATCH_SIZE, SCALE_ADAPTIVE_BATCH (0: a fixed batch), SCALE_LOOPS (rounds at once, default 1), SCALE_POLL_MS, SCALE_EFFECT_CONCURRENCY, SCALE_MAX_CONNECTIONS.
 */
const schema = process.env.SWITCHYARD_TEST_SCHEMA;
if (!schema) {
  console.error('worker-process: SWITCHYARD_TEST_SCHEMA is not set');
  process.exit(2);
}
const numberEnv = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name}=${raw} is not a number`);
  return value;
};

const store = await openDatabase({ url: testPostgresUrl(), schema, maxConnections: numberEnv('SCALE_MAX_CONNECTIONS') ?? 5 });
const counter = createWorkCounter();
const ctx: RuntimeContext = {
  db: store.db.withPlugin(counter.plugin),
  registry: createNodeRegistry([...builtinNodes, billingSuspend]),
  clock: systemClock,
  logger: pino({ level: 'warn' }, pino.destination(2)),
};
const timeoutMs = numberEnv('SCALE_DELIVERY_TIMEOUT_MS');
const worker = createWorker(ctx, {
  batchSize: numberEnv('SCALE_BATCH_SIZE') ?? 16,
  adaptiveBatch: process.env.SCALE_ADAPTIVE_BATCH !== '0',
  loops: numberEnv('SCALE_LOOPS') ?? 1,
  pollMs: numberEnv('SCALE_POLL_MS') ?? 50,
  effectConcurrency: numberEnv('SCALE_EFFECT_CONCURRENCY') ?? 8,
  delivery: { ...(timeoutMs === undefined ? {} : { timeoutMs }), backoffMs: 200 },
  notifications: store,
});

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    await worker.stop();
    process.stdout.write(`stats ${JSON.stringify({ pid: process.pid, ...counter.counts() })}\n`);
    await store.close();
    process.exit(0);
  })();
});

worker.start();
process.stdout.write('ready\n');
