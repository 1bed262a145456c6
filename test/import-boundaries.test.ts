import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/*
 * The import boundaries are kept by the linter (eslint.config.js), not by a promise: each case
 * is a line of code as it would stand in a file of the repository, linted with the real config
 * (without the type information, which needs the file to exist).
 */
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });

/** The boundary messages ESLint gives `code` as if it stood in `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    [
      'another package’s files',
      'packages/runtime/src/durable/x.ts',
      "export { defineNode } from '@switchyard/nodes/src/sdk/define-node';",
      /by its name/,
    ],
    [
      'a relative path out of the package',
      'packages/runtime/src/durable/x.ts',
      "export { defineNode } from '../../../nodes/src/index';",
      /must not leave packages\/runtime/,
    ],
    [
      'a relative path out of the package, from its root folder',
      'packages/cli/src/x.ts',
      "export * from '../../runtime/src/index';",
      /must not leave packages\/cli/,
    ],
    [
      'a relative path into a package from test/',
      'test/durable/x.ts',
      "export * from '../../packages/runtime/src/index';",
      /not by a relative path/,
    ],
    ['an app from a package', 'packages/cli/src/x.ts', "export { startServer } from '@switchyard/server';", /never imports an app/],
    ['the CLI from an app', 'apps/server/src/x.ts', "export { runCli } from '@switchyard/cli';", /Apps do not import the CLI/],
    [
      'a workspace package it does not declare',
      'packages/flow/src/x.ts',
      "export { defineNode } from '@switchyard/nodes';",
      /does not declare/,
    ],
    [
      'the runtime from the browser editor',
      'apps/editor/src/model/x.ts',
      "export { createTicket } from '@switchyard/runtime';",
      /does not declare/,
    ],
    [
      'a ./testing subpath from source',
      'packages/runtime/src/durable/x.ts',
      "export { createTestContext } from '@switchyard/nodes/testing';",
      /for tests/,
    ],
    [
      'the package’s own testing folder from source',
      'packages/runtime/src/durable/x.ts',
      "export { testDatabases } from '../testing/index';",
      /for tests/,
    ],
  ])('refuses %s', async (_case, file, code, message) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['a declared package by name', 'packages/runtime/src/durable/x.ts', "export { defineNode } from '@switchyard/nodes';"],
    ['a file of its own package', 'packages/runtime/src/durable/x.ts', "export { json } from '../db/schema';"],
    [
      'a ./testing subpath from a test',
      'packages/runtime/src/durable/x.test.ts',
      "export { createTestContext } from '@switchyard/nodes/testing';",
    ],
    [
      'the testing folder from a fixture',
      'packages/runtime/src/catalog/__fixtures__/x.ts',
      "export { testDatabases } from '../../testing/index';",
    ],
    ['a package and its testing subpath from test/', 'test/durable/x.ts', "export { testDatabases } from '@switchyard/runtime/testing';"],
  ])('allows %s', async (_case, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
