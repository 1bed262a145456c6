import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinNodes, createNodeRegistry, type NodeDefinition, type NodeRegistry } from '@switchyard/nodes';

export const CONFIG_FILE = 'switchyard.config.ts';

/**
 * The node registry for a project: the built-ins plus the nodes its
 * `switchyard.config.ts` lists. Throws naming the file when the config is malformed or
 * registers a node twice.
 */
export async function loadRegistry(cwd: string, configPath?: string): Promise<NodeRegistry> {
  const file = resolve(cwd, configPath ?? CONFIG_FILE);
  if (!existsSync(file)) {
    if (configPath) throw new Error(`${configPath}: no such config file`);
    return createNodeRegistry(builtinNodes);
  }
  const loaded: unknown = await import(pathToFileURL(file).href);
  const config = (loaded as { default?: unknown }).default;
  const nodes = typeof config === 'object' && config !== null ? (config as { nodes?: unknown }).nodes : undefined;
  if (nodes !== undefined && !Array.isArray(nodes)) throw new Error(`${file}: "nodes" must be an array of node definitions`);
  try {
    return createNodeRegistry([...builtinNodes, ...((nodes ?? []) as NodeDefinition[])]);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
