import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import { readStored } from '../db/stored/read-stored';
import { StoredDataError, storedIssues } from '../db/stored/stored-data-error';
import { AuditEntry } from './audit-entry';

/** The columns an audit row is read with. */
export type AuditRow = Pick<Selectable<AuditLogTable>, 'id' | 'at' | 'actor' | 'ticket_id' | 'flow_id' | 'kind' | 'detail'>;

/**
 * An audit row as its typed entry, parsed by the union on its kind: a reader sees what the
 * writers wrote, or a `StoredDataError` naming `audit_log`, the row id and the field.
 * @example const entry = readAuditRow(row); if (entry.kind === 'action') entry.detail.type;
 */
export function readAuditRow(row: AuditRow): AuditEntry {
  const at = { table: 'audit_log', key: row.id };
  const detail = readStored(auditDetailShape, row.detail, at);
  const parsed = AuditEntry.safeParse({
    at: row.at,
    actor: row.actor,
    ticketId: row.ticket_id,
    flowId: row.flow_id,
    kind: row.kind,
    detail,
  });
  if (!parsed.success) throw new StoredDataError(at, `audit-entry ${row.kind}`, storedIssues(parsed.error.issues));
  return parsed.data;
}
