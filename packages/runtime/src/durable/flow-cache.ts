import type { NodeRegistry } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import { readStored } from '../db/stored/read-stored';
import { type PreparedFlow, prepareFlows } from '../engine/prepared-flow';

/** Published flow versions with their machines built, by `flowId@version`. */
export interface FlowCache {
  /** The versions asked for, loading the missing ones in one query; throws for one that does not exist. */
  load(db: Kysely<Database>, versions: readonly { flowId: string; version: number }[]): Promise<Map<string, PreparedFlow>>;
}

export const versionKey = (flowId: string, version: number): string => `${flowId}@${version}`;

/**
 * Published versions never change, so a machine built once serves every ticket bound to
 * it for the life of the process.
 */
export function createFlowCache(registry: NodeRegistry): FlowCache {
  const cache = new Map<string, PreparedFlow>();
  return {
    async load(db, versions) {
      const missing = versions.filter((v) => !cache.has(versionKey(v.flowId, v.version)));
      if (missing.length > 0) {
        const rows = await db
          .selectFrom('flow_versions')
          .select(['flow_id', 'version', 'compiled'])
          .where((eb) => eb.or(missing.map((m) => eb.and([eb('flow_id', '=', m.flowId), eb('version', '=', m.version)]))))
          .execute();
        for (const row of rows) {
          // One at a time: two versions of a flow share its id, which prepareFlows refuses in one call.
          const compiled = readStored(compiledFlowShape, row.compiled, {
            table: 'flow_versions',
            key: versionKey(row.flow_id, row.version),
          });
          for (const prepared of prepareFlows([compiled], registry)) cache.set(versionKey(row.flow_id, row.version), prepared);
        }
      }
      const found = new Map<string, PreparedFlow>();
      for (const { flowId, version } of versions) {
        const prepared = cache.get(versionKey(flowId, version));
        if (!prepared) throw new Error(`flow ${flowId} version ${version} is not published`);
        found.set(versionKey(flowId, version), prepared);
      }
      return found;
    },
  };
}
