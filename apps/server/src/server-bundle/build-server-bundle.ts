import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { z } from 'zod';
import { ABSENT, BUNDLE_DIR, BUNDLE_MAIN, BUNDLE_MANIFEST, type BundleManifest, digestOf } from '../../launcher/bundle-freshness.mjs';

/** Inputs the bundle depends on besides the files it includes: the lockfile (the dependencies' versions and paths) and the node config. */
const ALWAYS_CHECKED = ['pnpm-lock.yaml', 'switchyard.config.ts'];

/**
 * Dependencies bundled in: pure ES modules of many small files, so one bundle loads them much
 * faster. Every package that imports one of them must be bundled too, or the process would hold
 * two copies (two zods, two Kyselys); `buildServerBundle` checks that.
 */
const BUNDLED = new Set([
  'zod',
  'kysely',
  'kysely-pglite-dialect',
  'hono',
  '@hono/node-server',
  '@hono/zod-openapi',
  '@hono/zod-validator',
  '@asteasolutions/zod-to-openapi',
  'openapi3-ts',
  'yaml',
  'xstate',
]);

/** The package a resolved file belongs to: `/x/node_modules/@a/b/lib/c.js` → `@a/b` (and its folder). */
export function packageOf(path: string): { readonly name: string; readonly dir: string } | undefined {
  const at = path.lastIndexOf('/node_modules/');
  if (at === -1) return undefined;
  const rest = path.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : (rest[0] ?? '');
  return { name, dir: path.slice(0, at + '/node_modules/'.length + name.length) };
}

/**
 * The other dependencies stay outside the bundle (native code, WebAssembly, worker threads, or
 * just large and CommonJS), imported by the absolute path Node would find from the importing
 * file: pnpm gives each package only its own dependencies, so a bare name would not resolve
 * from apps/server/dist. Workspace packages, which are TypeScript, go in. `external` collects
 * the folders of the packages left out.
 */
function dependenciesPlugin(external: Set<string>): Plugin {
  return {
    name: 'switchyard-dependencies',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'inner' || isBuiltin(args.path)) return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'inner',
        });
        if (found.errors.length > 0) return { errors: found.errors };
        const pkg = packageOf(found.path);
        if (!pkg || BUNDLED.has(pkg.name)) return found;
        external.add(pkg.dir);
        return { path: found.path, external: true };
      });
    },
  };
}

const PackageDependencies = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
});

/** Refuses a bundle where a package left outside imports one bundled in (it would load its own copy). */
async function assertNoSecondCopies(external: ReadonlySet<string>): Promise<void> {
  for (const dir of external) {
    const pkg = PackageDependencies.parse(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')));
    const shared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((name) => BUNDLED.has(name));
    if (shared.length > 0)
      throw new Error(`${pkg.name} stays outside the server bundle but imports ${shared.join(', ')}, which is bundled: add it to BUNDLED`);
  }
}

/** The bundle's entry: runMain with the project's switchyard.config.ts bundled in (no TypeScript import at run time). */
function entrySource(rootDir: string, hasConfig: boolean): string {
  const config = JSON.stringify(join(rootDir, 'switchyard.config.ts'));
  return hasConfig
    ? [
        `import { registryOfConfig } from '@switchyard/runtime';`,
        `import * as config from ${config};`,
        `import { runMain } from './run-main';`,
        `await runMain({ registry: registryOfConfig(config, ${config}) });`,
      ].join('\n')
    : [`import { runMain } from './run-main';`, `await runMain();`].join('\n');
}

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const next = `${file}.${process.pid}.tmp`;
  await writeFile(next, content);
  await rename(next, file);
}

export interface BundleResult {
  readonly ms: number;
  /** Files the bundle was built from (its manifest lists them with their digests). */
  readonly inputs: number;
  /** False when a source changed during the build: the bundle is written but not marked current, so the next start rebuilds it. */
  readonly current: boolean;
}

/**
 * Precompiles the server for `pnpm start` (apps/server/launcher/start.mjs): apps/server/src/main.ts
 * and the workspace packages it imports, with switchyard.config.ts and its node packages, in one
 * ES module (apps/server/dist/main.mjs, source map beside it). Then writes the manifest of the
 * files it was built from, which the launcher compares before using it. Safe beside another build
 * (each file is replaced by a rename).
 * @example await buildServerBundle(REPO_ROOT) // { ms: 1400, inputs: 390, current: true }
 */
export async function buildServerBundle(rootDir: string, outDir = join(rootDir, BUNDLE_DIR)): Promise<BundleResult> {
  const started = Date.now();
  const hasConfig = (await digestOf(join(rootDir, 'switchyard.config.ts'))) !== ABSENT;
  const external = new Set<string>();
  const result = await build({
    stdin: {
      contents: entrySource(rootDir, hasConfig),
      resolveDir: join(rootDir, 'apps/server/src'),
      sourcefile: 'bundle-entry.ts',
      loader: 'ts',
    },
    absWorkingDir: rootDir,
    outfile: join(outDir, BUNDLE_MAIN),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // As Node resolves: no bundler-only "module" condition or field.
    conditions: [],
    mainFields: ['main'],
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [dependenciesPlugin(external)],
  });
  await assertNoSecondCopies(external);
  await mkdir(outDir, { recursive: true });
  // The map first: the bundle names it.
  for (const file of [...result.outputFiles].sort((a, b) => Number(a.path.endsWith('.mjs')) - Number(b.path.endsWith('.mjs'))))
    await writeAtomically(file.path, file.contents);
  // Bundled dependencies are covered by the lockfile (their folder names carry their versions): only our files are compared at start.
  const ours = Object.keys(result.metafile.inputs).filter((file) => file !== '<stdin>' && !file.includes('node_modules/'));
  const files = [...new Set([...ours, ...ALWAYS_CHECKED])].sort();
  const digests = await Promise.all(files.map((file) => digestOf(join(rootDir, file))));
  // A file saved while esbuild read it may be in the bundle as it was: then the bundle is not marked current.
  const modified = await Promise.all(
    files.map((file) =>
      stat(join(rootDir, file)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  const current = modified.every((ms) => ms < started);
  const manifest: BundleManifest = {
    version: 1,
    root: rootDir,
    inputs: Object.fromEntries(files.map((file, i) => [relative(rootDir, join(rootDir, file)), digests[i] ?? ABSENT])),
  };
  if (current) await writeAtomically(join(outDir, BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return { ms: Date.now() - started, inputs: files.length, current };
}
