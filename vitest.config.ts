import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'examples/**/*.test.ts',
      'custom-nodes/*/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    // Opening and migrating a database (PGlite's first open takes seconds) happens in hooks.
    hookTimeout: 30_000,
    // Customer data and secrets are always sealed: tests (and the processes they start) share this throwaway data key.
    env: { SWITCHYARD_DATA_KEY: 'dGVzdC1vbmx5LWRhdGEta2V5LW5vdC1hLXNlY3JldCE=' },
  },
});
