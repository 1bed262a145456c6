import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createDataKeyRing, type DataKeyRing } from './data-key-ring';
import { DATA_KEY_ENV, dataKeyRingFromEnv } from './data-key-settings';
import { readOrCreateKeyFile } from './key-file';

/** Where the server keeps its data, which decides what happens without a key. */
export interface DataPlace {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
}

/**
 * The data keys a server starts with: `SWITCHYARD_DATA_KEY` (and its previous keys) when set;
 * else, for PGlite on disk, the key file beside its folder (generated on first start, and
 * logged); for PGlite in memory a key for this process only. With `DATABASE_URL` and no key
 * it refuses: a key generated on one host's disk would leave the other servers and workers of
 * that database unable to read, and losing the host would lose the data.
 * @example const ring = resolveDataKeys(process.env, { dataDir: '.data/pglite' }, logger);
 */
export function resolveDataKeys(env: Readonly<Record<string, string | undefined>>, place: DataPlace, logger: Logger): DataKeyRing {
  const fromEnv = dataKeyRingFromEnv(env);
  if (fromEnv) return fromEnv;
  if (place.databaseUrl) {
    throw new Error(
      `${DATA_KEY_ENV} is not set: with DATABASE_URL every server and worker must share one data key (generate one with \`openssl rand -base64 32\`; see the README's "Customer data and keys")`,
    );
  }
  if (place.dataDir) {
    const file = readOrCreateKeyFile(place.dataDir);
    if (file.created)
      logger.warn(
        { path: file.path },
        `${DATA_KEY_ENV} is not set: generated a data key into ${file.path} (mode 0600); back it up with the data`,
      );
    else logger.info({ path: file.path }, `${DATA_KEY_ENV} is not set: using the data key in ${file.path}`);
    return createDataKeyRing(file.key);
  }
  logger.info(`${DATA_KEY_ENV} is not set: the in-memory database is sealed with a key of this process only`);
  return createDataKeyRing(randomBytes(32));
}
