import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildServerBundle } from './build-server-bundle';

/*
 * Precompiles the server (apps/server/dist/main.mjs): run by `pnpm install` (postinstall) and,
 * in the background, by a `pnpm start` that found the sources changed. Never fails an install:
 * without the bundle, `pnpm start` runs the sources. Imports little (no server modules), so it
 * starts fast under tsx.
 */
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const logger = pino({ level: process.env.LOG_LEVEL === 'warn' ? 'warn' : 'info' });
try {
  const { ms, inputs, current } = await buildServerBundle(ROOT);
  if (current) logger.info({ ms, inputs }, 'precompiled the server for pnpm start');
  else logger.warn({ ms, inputs }, 'precompiled the server, but a source changed meanwhile: the next start rebuilds it');
} catch (error) {
  logger.warn({ err: error }, 'could not precompile the server; pnpm start runs its sources');
}
