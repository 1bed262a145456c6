// @ts-check
/*
 * Whether the precompiled server (apps/server/dist/main.mjs) was built from the sources as they
 * are now. Plain JavaScript: `pnpm start` reads it before any TypeScript loader is loaded.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the precompiled server is written, under the repository root (git-ignored, like every dist/). */
export const BUNDLE_DIR = 'apps/server/dist';
export const BUNDLE_MAIN = 'main.mjs';
/** Beside the bundle: every file it was built from, with a digest of its content. */
export const BUNDLE_MANIFEST = 'bundle-inputs.json';
/** The digest of a file that does not exist (an optional input such as switchyard.config.ts). */
export const ABSENT = 'absent';

/**
 * @typedef {object} BundleManifest
 * @property {1} version
 * @property {string} root the repository root it was built in: its dependencies are imported by absolute path
 * @property {Record<string, string>} inputs repository-relative path → digest (`ABSENT` for a file that must stay missing)
 */

/**
 * Checks a parsed manifest by hand (zod here would load a second copy of zod beside the one
 * bundled into the server: a tenth of a second of every start).
 * @param {unknown} value
 * @returns {value is BundleManifest}
 */
export function isBundleManifest(value) {
  if (typeof value !== 'object' || value === null || !('version' in value) || !('root' in value) || !('inputs' in value)) return false;
  const { inputs } = value;
  return (
    value.version === 1 &&
    typeof value.root === 'string' &&
    typeof inputs === 'object' &&
    inputs !== null &&
    Object.values(inputs).every((digest) => typeof digest === 'string')
  );
}

/**
 * A digest of a file's content, or `ABSENT`.
 * @param {string} file
 * @returns {Promise<string>}
 */
export async function digestOf(file) {
  const content = await readFile(file).catch((/** @type {unknown} */ error) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  });
  return content === undefined ? ABSENT : createHash('sha256').update(content).digest('hex').slice(0, 32);
}

/**
 * Why the precompiled server cannot be used, or undefined when it is current: not built yet,
 * built in another folder, or one of its inputs changed (the first found is named).
 * @param {string} rootDir the repository root
 * @param {string} [bundleDir] where the bundle is (default `<rootDir>/apps/server/dist`)
 * @returns {Promise<string | undefined>}
 * @example await whyBundleIsStale('/repo') // undefined, or "apps/server/src/create-app.ts changed"
 */
export async function whyBundleIsStale(rootDir, bundleDir = join(rootDir, BUNDLE_DIR)) {
  const text = await readFile(join(bundleDir, BUNDLE_MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return 'not built yet';
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return `${BUNDLE_MANIFEST} is not JSON`;
  }
  if (!isBundleManifest(json)) return `${BUNDLE_MANIFEST} is from another version`;
  if (json.root !== rootDir) return `built in ${json.root}`;
  const entries = Object.entries(json.inputs);
  const now = await Promise.all(entries.map(([file]) => digestOf(join(rootDir, file))));
  const changed = entries.findIndex(([, digest], i) => now[i] !== digest);
  return changed === -1 ? undefined : `${entries[changed]?.[0] ?? 'an input'} changed`;
}
