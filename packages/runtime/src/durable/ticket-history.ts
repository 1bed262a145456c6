import type { HistoryEntry } from '@switchyard/api';
import type { Kysely } from 'kysely';
import { AUDIT_ENTRY_COLUMNS } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import type { Database } from '../db/schema';

/** One line of a ticket's history (@switchyard/api's): an event received, a flow transition, an action, an effect delivered or failed. */
export type { HistoryEntry };

/** Every audited step of a ticket, oldest first; undefined when there is no such ticket. */
export async function ticketHistory(db: Kysely<Database>, ticketId: string): Promise<HistoryEntry[] | undefined> {
  const ticket = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) return undefined;
  // Entries, not rows (migration 0033): a packed row's entries each a line, ids `<row id>.<n>`.
  const rows = await db
    .selectFrom('audit_entries')
    .select(AUDIT_ENTRY_COLUMNS)
    .where('ticket_id', '=', ticketId)
    .orderBy('row_id')
    .orderBy('ordinal')
    .execute();
  // Parsed by the audit entry union: a row of no known shape is reported with its id, not passed on as is.
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    kind: r.kind,
    flowId: r.flow_id,
    detail: readAuditRow(r).detail,
  }));
}
