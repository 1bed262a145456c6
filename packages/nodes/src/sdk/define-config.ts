import type { NodeDefinition } from './define-node';

/** `switchyard.config.ts`: what a deployment adds to the built-ins. */
export interface SwitchyardConfig {
  /** Custom node definitions (from node packages), registered beside the built-ins. */
  readonly nodes?: readonly NodeDefinition[];
}

/**
 * Types a `switchyard.config.ts`.
 * @example
 * import { billingSuspend } from '@switchyard-examples/billing-suspend';
 * export default defineConfig({ nodes: [billingSuspend] });
 */
export function defineConfig(config: SwitchyardConfig): SwitchyardConfig {
  return config;
}
