import type { NodeCatalog } from '@switchyard/flow';
import { z } from 'zod';
import { checkMigrations, checkSecretNames, type NodeDefinition, TYPE_NAME } from './define-node';
import { migratedDefinition } from './migrated-definition';

/** Node definitions by type and version; the catalog validation and the hosts read. */
export interface NodeRegistry extends NodeCatalog {
  /**
   * The definition of a type: the given version, or the newest. An older version whose
   * code is gone but which a newer one migrates from gives the newer code behind a migration.
   */
  get(type: string, version?: number): NodeDefinition | undefined;
  /** Newest version of every type, in registration order. */
  list(): readonly NodeDefinition[];
  /** Every registered version of every type. */
  all(): readonly NodeDefinition[];
}

const KINDS = new Set(['trigger', 'condition', 'action', 'wait', 'end']);

/**
 * Builds a registry, refusing a duplicate (type, version) or a malformed definition
 * with a message that names the type.
 * @example const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
 */
export function createNodeRegistry(definitions: readonly NodeDefinition[]): NodeRegistry {
  const byType = new Map<string, NodeDefinition[]>();
  for (const def of definitions) {
    checkDefinition(def);
    const versions = byType.get(def.type) ?? [];
    if (versions.some((v) => v.version === def.version)) {
      throw new Error(`node type "${def.type}" version ${def.version} is registered twice`);
    }
    versions.push(def);
    versions.sort((a, b) => a.version - b.version);
    byType.set(def.type, versions);
  }
  // After every real definition: a registered old version keeps its own code over a migration.
  const migrated = new Map<string, NodeDefinition>();
  for (const def of definitions) {
    for (const migration of def.migrations ?? []) {
      if ((byType.get(def.type) ?? []).some((v) => v.version === migration.from)) continue;
      const key = `${def.type}@${migration.from}`;
      const other = migrated.get(key);
      if (other)
        throw new Error(
          `node type "${def.type}": versions ${other.migratedTo} and ${def.version} both migrate from version ${migration.from}`,
        );
      migrated.set(key, migratedDefinition(def, migration));
    }
  }
  return {
    get(type, version) {
      const versions = byType.get(type);
      if (!versions) return undefined;
      if (version === undefined) return versions[versions.length - 1];
      return versions.find((v) => v.version === version) ?? migrated.get(`${type}@${version}`);
    },
    list: () => [...byType.values()].flatMap((versions) => versions.at(-1) ?? []),
    all: () => [...byType.values()].flat(),
  };
}

function checkDefinition(def: NodeDefinition): void {
  const name = typeof def.type === 'string' ? `node type "${def.type}"` : 'a node definition';
  // defineNode checks this too, but a definition spread from another or written in JavaScript skips it.
  if (typeof def.type !== 'string' || !TYPE_NAME.test(def.type))
    throw new Error(`${name}: type must be snake_case, optionally dotted (billing.suspend)`);
  if (!KINDS.has(def.kind)) throw new Error(`${name}: kind must be one of ${[...KINDS].join(', ')}`);
  if (!(def.config instanceof z.ZodType)) throw new Error(`${name}: config must be a zod schema`);
  if (!def.title?.en || !def.title['zh-CN']) throw new Error(`${name}: title needs both "en" and "zh-CN"`);
  if (def.kind === 'action' && typeof def.run !== 'function') throw new Error(`${name}: an action needs run()`);
  if (def.kind === 'condition' && typeof def.evaluate !== 'function') throw new Error(`${name}: a condition needs evaluate()`);
  if (def.kind === 'wait' && typeof def.delayMs !== 'function' && typeof def.outcomes?.dueAt !== 'function')
    throw new Error(`${name}: a wait needs delayMs() or outcomes`);
  if (def.kind === 'action' && def.simulate !== undefined && typeof def.simulate !== 'function')
    throw new Error(`${name}: simulate must be a function`);
  if (def.kind === 'action') checkSecretNames(def.type, def.secrets);
  checkMigrations(def.type, def.version, def.migrations);
}
