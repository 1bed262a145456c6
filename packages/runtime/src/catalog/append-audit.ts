import type { Kysely } from 'kysely';
import type { AuditFact } from '../audit/audit-entry';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';

/** What a catalog change records in the audit log: a typed fact (see `AuditEntry`), with who, when and the flow. */
export type CatalogAuditEntry = AuditFact & {
  readonly at: Date;
  readonly actor: string;
  readonly flowId?: string;
};

/** Appends a catalog change's audit entry (through `recordAudit`); call it with the transaction of the change it records. */
export async function appendAudit(trx: Kysely<Database>, entry: CatalogAuditEntry): Promise<void> {
  const { flowId, ...rest } = entry;
  await recordAudit(trx, { ...rest, ticketId: null, flowId: flowId ?? null });
}
