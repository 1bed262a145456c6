import { maskSensitiveValue } from '@switchyard/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import { recordOutcomes } from '../durable/record-outcome';
import { recordAnalytics } from '../analytics/record-analytics';
import { AUDIT_CHAIN_GENESIS, auditRowHash } from './audit-chain-hash';
import type { AuditEntry } from './audit-entry';
import { outcomeMarks } from './outcome-marks';

/**
 * The one writer of the audit log: brings the ticket outcomes the entries record up to date
 * (an error, an escalation, an SLA breach, a resolution), so metrics and guardrails never read
 * the history, then appends the entries to the hash chain (each row's hash covers the previous
 * row's hash and its own content: `verifyAuditChain` finds a row changed or deleted behind its
 * back). Call it with the transaction of the change it records, after that change's other
 * writes: appending locks the chain's head row until the transaction ends, so the head is the
 * transaction's last lock (processes and workers append one at a time, in commit order).
 * @example await recordAudit(trx, { at: now, actor, ticketId: null, flowId: id, kind: 'flow.created', detail: { name } });
 */
export async function recordAudit(trx: Kysely<Database>, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list: readonly AuditEntry[] = 'kind' in entries ? [entries] : entries;
  if (list.length === 0) return;
  await recordOutcomes(trx, outcomeMarks(list));
  // The dashboard's and flows' rollups (issue 19), from the same entries, in the same transaction.
  await recordAnalytics(trx, list);
  const head = await lockChainHead(trx);
  let seq = BigInt(head.seq);
  let hash = head.hash;
  const rows = list.map((e) => {
    // No customer phone, email, ID-card or bank-card number reaches the audit in clear.
    const detail = auditDetailShape.json(maskSensitiveValue(e.detail));
    seq += 1n;
    // The hash covers the detail as the column gives it back: the JSON text parsed again.
    hash = auditRowHash(hash, {
      seq: String(seq),
      at: e.at,
      actor: e.actor,
      ticketId: e.ticketId,
      flowId: e.flowId,
      kind: e.kind,
      detail: JSON.parse(detail),
    });
    return { at: e.at, actor: e.actor, ticket_id: e.ticketId, flow_id: e.flowId, kind: e.kind, detail, chain_seq: String(seq), hash };
  });
  await trx.insertInto('audit_log').values(rows).execute();
  await trx
    .updateTable('audit_chain')
    .set({ seq: String(seq), hash })
    .where('id', '=', 1)
    .execute();
}

/** The chain's head row, locked until the transaction ends; created at the genesis when missing (a database emptied by a test). */
async function lockChainHead(trx: Kysely<Database>): Promise<{ seq: string; hash: string }> {
  const lock = () => trx.selectFrom('audit_chain').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirst();
  const head = await lock();
  if (head) return head;
  await trx
    .insertInto('audit_chain')
    .values({ id: 1, seq: '0', hash: AUDIT_CHAIN_GENESIS })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const created = await lock();
  if (!created) throw new Error('the audit chain head could not be created');
  return created;
}
