import { isBuiltin } from 'node:module';
import type { Plugin } from 'vite';

/**
 * Fails the editor's build when anything it bundles imports a Node built-in (`node:fs`, `net`...).
 * Vite would otherwise swap in an empty stub with a warning, and the page would break only when
 * the code runs: this is how the HTTP guard's undici once reached the bundle through
 * `@switchyard/nodes` (the editor imports `@switchyard/nodes/browser`).
 */
export function noNodeBuiltins(): Plugin {
  return {
    name: 'switchyard:no-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer !== undefined && isBuiltin(source)) {
        this.error(`${importer} imports the Node built-in "${source}": the editor runs in a browser (import a browser-safe entry instead)`);
      }
      return null;
    },
  };
}
