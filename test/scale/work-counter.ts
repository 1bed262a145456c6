import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type QueryId,
  RawNode,
  type RootOperationNode,
  TableNode,
  UpdateQueryNode,
} from 'kysely';

/** What one worker process did, as seen from the statements it ran. */
export interface WorkCounts {
  /** Ticket events marked applied (`update ticket_events set applied_at`). */
  readonly applied: number;
  /** Transactions that applied events (ticket batches with work). */
  readonly batches: number;
  /** Outbox rows claimed (`update outbox ... returning`). */
  readonly claimed: number;
  /** Outbox rows settled (`update outbox` without returning, rows actually updated). */
  readonly settled: number;
  /** Rows written, by statement and table (`update tickets`, `insert audit_log`, ...). */
  readonly writes: Readonly<Record<string, number>>;
}

const RAW_WRITE = /^\s*(update|insert\s+into|delete\s+from)\s+"?([a-z_]+)"?/i;

/**
 * A Kysely plugin that counts a worker's work without touching the runtime: it names each
 * write statement by kind and table as it is compiled and adds up the rows it touched.
 */
export function createWorkCounter(): { plugin: KyselyPlugin; counts(): WorkCounts } {
  const counts = { applied: 0, batches: 0, claimed: 0, settled: 0 };
  const writes: Record<string, number> = {};
  const pending = new WeakMap<QueryId, { write: string; returning: boolean }>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      const write = describeWrite(node);
      if (write) pending.set(queryId, write);
      return node;
    },
    async transformResult({ queryId, result }) {
      const write = pending.get(queryId);
      if (write !== undefined) {
        pending.delete(queryId);
        const rows = Number(result.numAffectedRows ?? 0n);
        writes[write.write] = (writes[write.write] ?? 0) + rows;
        if (write.write === 'update ticket_events') {
          counts.applied += rows;
          counts.batches += 1;
        } else if (write.write === 'update outbox') {
          if (write.returning) counts.claimed += result.rows.length;
          else counts.settled += rows;
        }
      }
      return result;
    },
  };
  return { plugin, counts: () => ({ ...counts, writes: { ...writes } }) };
}

function describeWrite(node: RootOperationNode): { write: string; returning: boolean } | undefined {
  if (UpdateQueryNode.is(node)) return named('update', node.table, node.returning !== undefined);
  if (InsertQueryNode.is(node)) return named('insert', node.into, node.returning !== undefined);
  if (DeleteQueryNode.is(node)) return named('delete', node.from.froms[0], node.returning !== undefined);
  if (RawNode.is(node)) {
    const match = RAW_WRITE.exec(node.sqlFragments[0] ?? '');
    if (match) return { write: `${match[1]!.split(/\s+/)[0]!.toLowerCase()} ${match[2]!}`, returning: false };
  }
  return undefined;
}

function named(kind: string, table: OperationNode | undefined, returning: boolean): { write: string; returning: boolean } | undefined {
  return table && TableNode.is(table) ? { write: `${kind} ${table.table.identifier.name}`, returning } : undefined;
}
