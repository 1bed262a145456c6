import { maskSensitiveValue } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import { recordOutcomes } from '../durable/record-outcome';
import type { AuditEntry } from './audit-entry';
import { outcomeMarks } from './outcome-marks';

/**
 * The one writer of the audit log: appends the entries and, in the same statement order,
 * brings the ticket outcomes they record up to date (an error, an escalation, an SLA breach,
 * a resolution), so metrics and guardrails never read the history. Call it with the
 * transaction of the change it records, after that change's other writes (its outcome
 * update is the transaction's last lock: see `recordOutcomes`).
 * @example await recordAudit(trx, { at: now, actor, ticketId: null, flowId: id, kind: 'flow.created', detail: { name } });
 */
export async function recordAudit(trx: Kysely<Database>, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list: readonly AuditEntry[] = 'kind' in entries ? [entries] : entries;
  if (list.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(
      list.map((e) => ({
        at: e.at,
        actor: e.actor,
        ticket_id: e.ticketId,
        flow_id: e.flowId,
        kind: e.kind,
        detail: auditDetailShape.json(maskSensitiveValue(e.detail)),
      })),
    )
    .execute();
  await recordOutcomes(trx, outcomeMarks(list));
}
