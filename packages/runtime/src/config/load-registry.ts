import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinNodes, createNodeRegistry, type NodeDefinition, type NodeRegistry } from '@switchyard/nodes';
import { z } from 'zod';

/** The file a project lists its custom nodes in, at its root. */
export const CONFIG_FILE = 'switchyard.config.ts';

/** The module a config file exports: its shape only; `createNodeRegistry` checks each definition. */
const ConfigModule = z.object({
  default: z
    .object({
      nodes: z
        .array(z.custom<NodeDefinition>((value) => typeof value === 'object' && value !== null, 'must be a node definition'))
        .optional(),
    })
    .optional(),
});

/**
 * The node registry for a project: the built-ins plus the nodes its
 * `switchyard.config.ts` lists. Throws naming the file when the config is malformed or
 * registers a node twice. Read by the server at start and by the CLI's commands.
 * @example const registry = await loadRegistry(process.cwd());
 */
export async function loadRegistry(cwd: string, configPath?: string): Promise<NodeRegistry> {
  const file = resolve(cwd, configPath ?? CONFIG_FILE);
  if (!existsSync(file)) {
    if (configPath) throw new Error(`${configPath}: no such config file`);
    return createNodeRegistry(builtinNodes);
  }
  return registryOfConfig(await import(pathToFileURL(file).href), file);
}

/**
 * The registry a loaded config module gives (the built-ins plus its nodes), checked as
 * `loadRegistry` checks it; for a config imported already, such as the one bundled into the
 * precompiled server. `file` names it in errors.
 * @example registryOfConfig(await import('./switchyard.config.ts'), 'switchyard.config.ts')
 */
export function registryOfConfig(module: unknown, file: string): NodeRegistry {
  const loaded = ConfigModule.safeParse(module);
  if (!loaded.success) throw new Error(`${file}: export default defineConfig({ nodes: [...] }), "nodes" an array of node definitions`);
  try {
    return createNodeRegistry([...builtinNodes, ...(loaded.data.default?.nodes ?? [])]);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
