import { isRecord } from '@switchyard/flow';
import type { PreparedFlow } from './prepared-flow';

/**
 * Whether any of the flows has a wait counting business time (`clock: "business"`): only then
 * does a host need to load the stored calendars before running them.
 */
export function usesBusinessTime(flows: Iterable<PreparedFlow>): boolean {
  for (const flow of flows) {
    for (const node of Object.values(flow.compiled.nodes)) {
      if (node.kind === 'wait' && isRecord(node.config) && node.config.clock === 'business') return true;
    }
  }
  return false;
}
