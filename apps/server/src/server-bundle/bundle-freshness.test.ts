import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ABSENT, BUNDLE_MANIFEST, digestOf, whyBundleIsStale } from '../../launcher/bundle-freshness.mjs';

describe('whyBundleIsStale (read by pnpm start before choosing the precompiled server)', () => {
  const root = mkdtempSync(join(tmpdir(), 'switchyard-bundle-fresh-'));
  const bundleDir = join(root, 'dist');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const manifest = (value: unknown) => {
    mkdirSync(bundleDir, { recursive: true });
    writeFileSync(join(bundleDir, BUNDLE_MANIFEST), typeof value === 'string' ? value : JSON.stringify(value));
  };

  it('is current only while every input has the digest it was built from, and a missing input stays missing', async () => {
    writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
    expect(await whyBundleIsStale(root, bundleDir)).toBe('not built yet');
    manifest({ version: 1, root, inputs: { 'a.ts': await digestOf(join(root, 'a.ts')), 'switchyard.config.ts': ABSENT } });
    expect(await whyBundleIsStale(root, bundleDir)).toBeUndefined();
    writeFileSync(join(root, 'a.ts'), 'export const a = 2;\n');
    expect(await whyBundleIsStale(root, bundleDir)).toBe('a.ts changed');
    manifest({ version: 1, root, inputs: { 'a.ts': await digestOf(join(root, 'a.ts')), 'switchyard.config.ts': ABSENT } });
    writeFileSync(join(root, 'switchyard.config.ts'), 'export default {};\n');
    expect(await whyBundleIsStale(root, bundleDir)).toBe('switchyard.config.ts changed');
  });

  it('refuses a manifest from another folder or another version, or not JSON', async () => {
    manifest({ version: 1, root: '/elsewhere/', inputs: {} });
    expect(await whyBundleIsStale(root, bundleDir)).toBe('built in /elsewhere/');
    manifest({ version: 2, root, inputs: {} });
    expect(await whyBundleIsStale(root, bundleDir)).toBe(`${BUNDLE_MANIFEST} is from another version`);
    manifest({ version: 1, root, inputs: { 'a.ts': 3 } });
    expect(await whyBundleIsStale(root, bundleDir)).toBe(`${BUNDLE_MANIFEST} is from another version`);
    manifest('{');
    expect(await whyBundleIsStale(root, bundleDir)).toBe(`${BUNDLE_MANIFEST} is not JSON`);
  });
});
