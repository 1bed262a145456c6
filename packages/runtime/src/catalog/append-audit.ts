import type { Kysely } from 'kysely';
import { json } from '../db/schema';
import type { Database } from '../db/schema';

/** What a catalog change records in the audit log. */
export interface AuditEntry {
  readonly at: Date;
  readonly actor: string;
  /** `flow.created`, `flow.published`, `agent.saved`...: stable, for filtering. */
  readonly kind: string;
  readonly flowId?: string;
  readonly detail: unknown;
}

/** Appends an audit row; call it with the transaction of the change it records. */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({ at: entry.at, actor: entry.actor, kind: entry.kind, flow_id: entry.flowId ?? null, ticket_id: null, detail: json(entry.detail) })
    .execute();
}
