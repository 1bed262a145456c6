import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDataKey } from './data-key-settings';

/** The file `pnpm start` keeps a generated data key in, beside the PGlite data folder. */
export const DATA_KEY_FILE = 'switchyard-data.key';

/** A key read from, or just written to, the key file. */
export interface KeyFile {
  readonly key: Buffer;
  readonly path: string;
  /** True when this call generated the key (say so in the log: it must be backed up with the data). */
  readonly created: boolean;
}

/**
 * The data key kept next to a PGlite data folder (`<dataDir>/../switchyard-data.key`, mode
 * 0600), generated on first use. Beside, not inside: PGlite owns its folder.
 * @example const { key, created, path } = readOrCreateKeyFile('.data/pglite');
 */
export function readOrCreateKeyFile(dataDir: string): KeyFile {
  const path = join(dirname(resolve(dataDir)), DATA_KEY_FILE);
  if (existsSync(path)) return { key: parseDataKey(readFileSync(path, 'utf8'), path), path, created: false };
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  // `wx`: two starts racing do not overwrite each other's key.
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key, path, created: true };
}
