import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema';
import { AuditEntry } from './audit-entry';

/** An audit row that does not parse as any kind of entry: named by its table and id, never cast. */
export class AuditRowError extends Error {
  constructor(
    readonly id: string,
    readonly kind: string,
    cause: unknown,
  ) {
    super(`audit_log row ${id} (${kind}) does not match its entry shape`, { cause });
    this.name = 'AuditRowError';
  }
}

/**
 * An audit row as its typed entry, parsed by the union (so a reader sees what writers wrote,
 * or an error naming the row).
 */
export function readAuditRow(row: Pick<Selectable<AuditLogTable>, 'id' | 'at' | 'actor' | 'ticket_id' | 'flow_id' | 'kind' | 'detail'>): AuditEntry {
  const parsed = AuditEntry.safeParse({ at: row.at, actor: row.actor, ticketId: row.ticket_id, flowId: row.flow_id, kind: row.kind, detail: row.detail });
  if (!parsed.success) throw new AuditRowError(row.id, row.kind, parsed.error);
  return parsed.data;
}
