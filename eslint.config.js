import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Tests and what only tests use: they may import `./testing` subpaths and use `!`. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/__fixtures__/**', 'test/**', 'bench/**', 'apps/*/e2e/**'];
/** Folders below a package deep enough for every file of the repository. */
const MAX_DEPTH = 10;

/** The workspace packages (pnpm-workspace.yaml): folder, name, and the workspace packages their package.json declares. */
function workspacePackages() {
  const parents = ['packages', 'apps', 'examples/custom-nodes', 'custom-nodes'];
  const folders = parents.flatMap((parent) =>
    existsSync(join(import.meta.dirname, parent))
      ? readdirSync(join(import.meta.dirname, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${parent}/${entry.name}`)
      : [],
  );
  return [...folders, 'examples/services']
    .filter((folder) => existsSync(join(import.meta.dirname, folder, 'package.json')))
    .map((folder) => {
      const manifest = JSON.parse(readFileSync(join(import.meta.dirname, folder, 'package.json'), 'utf8'));
      return {
        folder,
        name: manifest.name,
        declares: new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })),
      };
    });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (names) => `^(${names.map(escape).join('|')})(/.*)?$`;

const PACKAGE_FILES = {
  regex: '^@switchyard(-examples)?/[^/]+/(?!(testing|browser)$)',
  message:
    'Import a package by its name (or its ./testing or ./browser subpath), never its files: what is not exported from its index.ts is its own.',
};
const TESTING_IN_SOURCE = [
  { regex: '^(@[^/]+/)?[^./][^/]*/testing$', message: 'Test helpers are for tests: source files never import a ./testing subpath.' },
  { regex: '^\\.{1,2}/(.*/)?testing(/.*)?$', message: 'Test helpers are for tests: source files never import the testing folder.' },
];
/** Relative paths into another workspace package (test/, bench/ and the root have no package of their own). */
const INTO_PACKAGES = {
  regex: '^(\\.\\./)+(packages|custom-nodes|examples/custom-nodes|examples/services|apps/server)(/|$)',
  message: 'Import a workspace package by its name, not by a relative path into its folder.',
};

/**
 * The import boundary of each workspace package, kept by the linter: a package imports only
 * the workspace packages its package.json declares, by name (never their files, never their
 * ./testing subpath outside tests), never leaves its own folder by a relative path, and
 * packages never import apps nor apps the CLI.
 */
function importBoundaries() {
  const packages = workspacePackages();
  const apps = packages.filter((p) => p.folder.startsWith('apps/')).map((p) => p.name);
  const blocks = [];
  for (const pkg of packages) {
    const isApp = pkg.folder.startsWith('apps/');
    const special = isApp ? ['@switchyard/cli'] : apps;
    const undeclared = packages.map((p) => p.name).filter((name) => !pkg.declares.has(name) && !special.includes(name));
    const patterns = [
      PACKAGE_FILES,
      isApp
        ? {
            regex: anyOf(['@switchyard/cli']),
            message: 'Apps do not import the CLI: what both need belongs in a package (runtime, nodes) they both import.',
          }
        : { regex: anyOf(apps), message: 'A package never imports an app.' },
      {
        regex: anyOf(undeclared),
        message: `${pkg.name} does not declare this workspace package in its package.json: declare it (if the layering allows) or move the code.`,
      },
    ];
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const files = [`${pkg.folder}/${'*/'.repeat(depth)}*.ts`, `${pkg.folder}/${'*/'.repeat(depth)}*.tsx`];
      const leaving = {
        regex: `^(\\.\\./){${depth + 1}}`,
        message: `A relative import must not leave ${pkg.folder}: import the other package by its name.`,
      };
      // Tests first; the source block after it wins for the files it keeps.
      blocks.push({ files, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, leaving] }] } });
      blocks.push({
        files,
        ignores: TEST_FILES,
        rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, leaving, ...TESTING_IN_SOURCE] }] },
      });
    }
  }
  blocks.push({
    files: ['test/**/*.ts', 'bench/**/*.ts', 'examples/*.ts', '*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PACKAGE_FILES, INTO_PACKAGES] }] },
  });
  return blocks;
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test-artifacts/**', '.data/**', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/require-await': 'off',
      // Source narrows what may be missing; a `!` is a promise the compiler cannot check.
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Likewise an `as` that narrows: data from outside is parsed (zod) or checked, not asserted.
      '@typescript-eslint/no-unsafe-type-assertion': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unsafe-type-assertion': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  ...importBoundaries(),
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
