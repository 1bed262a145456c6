import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_MAIN, BUNDLE_MANIFEST, whyBundleIsStale } from '../../launcher/bundle-freshness.mjs';
import { REPO_ROOT } from '../start-server';
import { buildServerBundle, packageOf } from './build-server-bundle';

describe('the precompiled server', () => {
  const out = mkdtempSync(join(tmpdir(), 'switchyard-bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it(
    'bundles the server, its workspace packages and the project config; imports the rest by absolute path; lists its inputs',
    { timeout: 120_000 },
    async () => {
      const built = await buildServerBundle(REPO_ROOT, out);
      expect(built.current).toBe(true);
      const manifest = JSON.parse(readFileSync(join(out, BUNDLE_MANIFEST), 'utf8')) as { root: string; inputs: Record<string, string> };
      expect(manifest.root).toBe(REPO_ROOT);
      expect(Object.keys(manifest.inputs)).toEqual(
        expect.arrayContaining([
          'apps/server/src/run-main.ts',
          'packages/runtime/src/db/migrate.ts',
          'switchyard.config.ts',
          'examples/custom-nodes/billing-suspend/src/index.ts',
          'pnpm-lock.yaml',
        ]),
      );
      expect(Object.keys(manifest.inputs).filter((file) => file.includes('node_modules'))).toEqual([]);
      const code = readFileSync(join(out, BUNDLE_MAIN), 'utf8');
      const specifiers = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";$/gm)].map((m) => m[1] ?? '');
      expect(specifiers.length).toBeGreaterThan(5);
      for (const specifier of specifiers) expect(isBuiltin(specifier) || existsSync(specifier), specifier).toBe(true);
      // One copy of each shared library: zod and Kysely are inside, not imported beside.
      expect(specifiers.filter((s) => ['zod', 'kysely', 'hono'].includes(packageOf(s)?.name ?? ''))).toEqual([]);
      expect(await whyBundleIsStale(REPO_ROOT, out)).toBeUndefined();
    },
  );

  it('names the package of a resolved file', () => {
    expect(packageOf('/r/node_modules/.pnpm/zod@4/node_modules/zod/index.js')).toEqual({
      name: 'zod',
      dir: '/r/node_modules/.pnpm/zod@4/node_modules/zod',
    });
    expect(packageOf('/r/node_modules/@hono/node-server/dist/index.mjs')?.name).toBe('@hono/node-server');
    expect(packageOf('/r/packages/flow/src/index.ts')).toBeUndefined();
  });
});
