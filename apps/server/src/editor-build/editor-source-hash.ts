import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';

/** Folders that are outputs or tooling, never editor input. */
const SKIPPED = new Set(['node_modules', 'dist', 'dist.next', 'e2e']);

const PackageJson = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = await Promise.all(
    entries.map(async (entry) => {
      if (SKIPPED.has(entry.name)) return [];
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    }),
  );
  return files.flat();
}

/** The workspace packages (`packages/*`) the editor bundles, directly or through one another. */
async function bundledPackages(rootDir: string): Promise<string[]> {
  const dirs = (await readdir(join(rootDir, 'packages'), { withFileTypes: true })).filter((d) => d.isDirectory());
  const byName = new Map<string, { dir: string; deps: string[] }>();
  for (const d of dirs) {
    const dir = join(rootDir, 'packages', d.name);
    const json = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (json === undefined) continue;
    const pkg = PackageJson.parse(JSON.parse(json));
    byName.set(pkg.name, { dir, deps: Object.keys(pkg.dependencies ?? {}) });
  }
  const editor = PackageJson.parse(JSON.parse(await readFile(join(rootDir, 'apps/editor/package.json'), 'utf8')));
  const found = new Set<string>();
  const visit = (names: readonly string[]) => {
    for (const name of names) {
      const pkg = byName.get(name);
      if (!pkg || found.has(pkg.dir)) continue;
      found.add(pkg.dir);
      visit(pkg.deps);
    }
  };
  visit(Object.keys(editor.dependencies ?? {}));
  return [...found];
}

/**
 * A content hash of everything `vite build` turns into apps/editor/dist: the editor's files,
 * the workspace packages it bundles, and the lockfile (a dependency's new version). Tests and
 * e2e helpers are left out: they never reach the bundle. Equal hashes: the build would be the same.
 */
export async function editorSourceHash(rootDir: string): Promise<string> {
  const dirs = [join(rootDir, 'apps/editor'), ...(await bundledPackages(rootDir))];
  const files = [...(await Promise.all(dirs.map(filesUnder))).flat(), join(rootDir, 'pnpm-lock.yaml')]
    .map((path) => relative(rootDir, path))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(rootDir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
