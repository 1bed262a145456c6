import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@switchyard/runtime';
import type { Logger } from 'pino';

/** Where the migrated template is kept: git-ignored, beside the other caches of the install. */
const CACHE = 'node_modules/.cache/switchyard';

/**
 * What the template depends on: PGlite's version (its initdb) and every migration's source.
 * @example templateKey('/repo') // "3f2a9c…" (16 hex digits)
 */
export function templateKey(rootDir: string): string {
  const hash = createHash('sha256');
  const pglite = join(rootDir, 'packages/runtime/node_modules/@electric-sql/pglite/package.json');
  hash.update(existsSync(pglite) ? readFileSync(pglite) : 'pglite: unknown');
  const migrations = join(rootDir, 'packages/runtime/src/db/migrations');
  for (const file of readdirSync(migrations).sort()) hash.update(file).update(readFileSync(join(migrations, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the migrated template for this install (`cacheDir`: tests keep theirs apart). */
export const templateDir = (rootDir: string, cacheDir = join(rootDir, CACHE)): string => join(cacheDir, `pglite-${templateKey(rootDir)}`);

/**
 * Makes the migrated template once (PGlite's initdb and every migration: the slow part of a
 * first start), unless it is there. Safe beside another process doing the same: each builds
 * in its own folder and the first rename wins.
 */
export async function ensureTemplate(rootDir: string, logger: Logger, cacheDir?: string): Promise<string> {
  const template = templateDir(rootDir, cacheDir);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  logger.info('initialising the embedded database template (once per install; later new data folders start from a copy)');
  const building = `${template}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const store = await openDatabase({ dataDir: building });
  try {
    await migrateToLatest(store.db);
  } finally {
    await store.close();
  }
  try {
    renameSync(building, template);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(template, 'PG_VERSION'))) throw error;
  }
  return template;
}

/**
 * A new PGlite data folder starts as a copy of the migrated template instead of running initdb
 * and the migrations again; a folder that holds a database (or anything else) is left alone.
 * Answers whether it copied.
 */
export async function seedDataDirFromTemplate(dataDir: string, rootDir: string, logger: Logger, cacheDir?: string): Promise<boolean> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  const template = await ensureTemplate(rootDir, logger, cacheDir);
  cpSync(template, dataDir, { recursive: true });
  logger.info('new data folder: copied from the migrated database template');
  return true;
}
