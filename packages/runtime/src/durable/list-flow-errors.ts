import type { FlowErrorView } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { AUDIT_ENTRY_COLUMNS, rowHoldsFlow, rowHoldsKind, rowSince } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import type { Database } from '../db/schema';

export interface FlowErrorFilter {
  readonly flowId?: string | undefined;
  /** At or after this moment (ISO 8601). */
  readonly since?: string | undefined;
  /** At most this many, newest first (default 100, at most 1000). */
  readonly limit?: number | undefined;
}

/**
 * The `flow.error` audit entries matching every filter given, newest first: what went wrong
 * inside a flow on a ticket (the dead-lettered effects are `listEffects({ status: 'dead' })`).
 * Read through the partial indexes of migrations 0013 and 0033, so the bell's poll never scans the audit log.
 */
export async function listFlowErrors(db: Kysely<Database>, filter: FlowErrorFilter = {}): Promise<FlowErrorView[]> {
  let query = db
    .selectFrom('audit_entries')
    .select(AUDIT_ENTRY_COLUMNS)
    .where('kind', '=', 'flow.error')
    .where(rowHoldsKind('flow.error'))
    .orderBy('at', 'desc')
    .orderBy('row_id', 'desc')
    .orderBy('ordinal', 'desc')
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 1000));
  if (filter.flowId) query = query.where('flow_id', '=', filter.flowId).where(rowHoldsFlow(filter.flowId));
  if (filter.since) query = query.where('at', '>=', new Date(filter.since)).where(rowSince(new Date(filter.since)));
  const rows = await query.execute();
  return rows.flatMap((row) => {
    const entry = readAuditRow(row);
    if (entry.kind !== 'flow.error' || !row.ticket_id || !row.flow_id) return [];
    return [
      {
        id: row.id,
        ticketId: row.ticket_id,
        flowId: row.flow_id,
        nodeId: entry.detail.node ?? null,
        message: entry.detail.message,
        at: row.at.toISOString(),
      },
    ];
  });
}
