import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorSourceHash } from './editor-source-hash';
import { BUILD_HASH_FILE, ensureEditorBuilt } from './ensure-editor-built';

/** A repository in miniature: the editor, a package it bundles, one it does not, the lockfile. */
function miniRepo(root: string): void {
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('apps/editor/package.json', JSON.stringify({ name: '@switchyard/editor', dependencies: { '@switchyard/api': 'workspace:*' } }));
  write('apps/editor/src/app.tsx', 'export const App = 1;');
  write('apps/editor/src/app.test.tsx', 'test');
  write('apps/editor/dist/index.html', '<!doctype html>');
  write('packages/api/package.json', JSON.stringify({ name: '@switchyard/api', dependencies: { '@switchyard/flow': 'workspace:*' } }));
  write('packages/api/src/index.ts', 'export const api = 1;');
  write('packages/flow/package.json', JSON.stringify({ name: '@switchyard/flow' }));
  write('packages/flow/src/index.ts', 'export const flow = 1;');
  write('packages/runtime/package.json', JSON.stringify({ name: '@switchyard/runtime' }));
  write('packages/runtime/src/index.ts', 'export const runtime = 1;');
  write('pnpm-lock.yaml', 'lockfileVersion: 9.0');
}

describe('the editor build on start', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'editor-hash-'));
    miniRepo(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('hashes what the bundle is made of: editor sources, the packages it bundles (transitively) and the lockfile', async () => {
    const before = await editorSourceHash(root);
    expect(await editorSourceHash(root)).toBe(before);
    const changes: Record<string, string> = {
      'apps/editor/src/app.tsx': 'export const App = 2;',
      'packages/flow/src/index.ts': 'export const flow = 2;',
      'pnpm-lock.yaml': 'lockfileVersion: 9.1',
    };
    for (const [file, text] of Object.entries(changes)) {
      const previous = await editorSourceHash(root);
      writeFileSync(join(root, file), text);
      expect(await editorSourceHash(root), file).not.toBe(previous);
    }
    // Not bundled: a test, the build output, a package the editor does not use.
    const bundled = await editorSourceHash(root);
    writeFileSync(join(root, 'apps/editor/src/app.test.tsx'), 'changed');
    writeFileSync(join(root, 'apps/editor/dist/index.html'), 'changed');
    writeFileSync(join(root, 'packages/runtime/src/index.ts'), 'changed');
    expect(await editorSourceHash(root)).toBe(bundled);
  });

  it('skips the build when dist was built from the same sources', async () => {
    writeFileSync(join(root, 'apps/editor/dist', BUILD_HASH_FILE), `${await editorSourceHash(root)}\n`);
    const result = await ensureEditorBuilt(root, pino({ level: 'silent' }));
    expect(result.outcome).toBe('fresh');
  });
});
