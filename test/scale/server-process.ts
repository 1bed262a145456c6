import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { guardProcess, startServer } from '@switchyard/server';
import pino from 'pino';

/*
 * One server process of the database-restart test: what `pnpm start` runs (the API and a
 * worker with two loops, the same guard against unhandled errors) on DATABASE_URL, without
 * examples, with a short delivery timeout (the outbox lease is that + 5 s) so a claim lost
 * with the database is retried within the test. Logs JSON lines (pino, info) to stdout; the
 * "switchyard is serving" line carries its URL. Run with `node --import tsx test/scale/server-process.ts`.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('server-process: DATABASE_URL is not set');
  process.exit(2);
}
const logger = pino({ level: 'info' });
guardProcess(logger);
const server = await startServer({
  port: 0,
  databaseUrl,
  seed: false,
  registry: createNodeRegistry([...builtinNodes, billingSuspend]),
  secrets: { env: {} },
  logger,
  worker: { pollMs: 50, delivery: { timeoutMs: 5_000, backoffMs: 200 } },
  // The test's requests carry this break-glass token (auth is always on).
  adminToken: 'scale-test-token',
});
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
