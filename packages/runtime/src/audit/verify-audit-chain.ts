import type { AuditChainBreak, AuditVerification } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { AUDIT_CHAIN_GENESIS, auditRowHash } from './audit-chain-hash';
import { verifyTicketChains } from './verify-ticket-chains';

const BATCH = 1_000;

interface ChainRow {
  id: string;
  at: Date;
  actor: string;
  ticket_id: string | null;
  flow_id: string | null;
  kind: string;
  detail: unknown;
  chain_seq: string;
  hash: string | null;
}

const broken = (checked: number, head: AuditVerification['head'], firstBreak: AuditChainBreak): AuditVerification => ({
  ok: false,
  rows: checked,
  head,
  firstBreak,
});

/**
 * Walks the global audit chain from its first position to the head as it was when the check began
 * (rows appended meanwhile are left for the next check) and reports the first row that does
 * not match: one written around `recordAudit`, one whose content or hash changed, a gap where
 * rows were deleted, or a head that says more rows were appended than remain; then every
 * ticket's own chain the same way (`verifyTicketChains`).
 * @example const { ok, firstBreak } = await verifyAuditChain(db);
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const headRow = await db.selectFrom('audit_chain').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const head = headRow ? { seq: String(headRow.seq), hash: headRow.hash } : null;
  const unchained = await db.selectFrom('audit_log').select('id').where('chain_seq', 'is', null).orderBy('id').limit(1).executeTakeFirst();
  if (unchained) {
    const message = `audit row ${unchained.id} was written around the chain (it has no chain position)`;
    return broken(0, head, { reason: 'unchained', id: String(unchained.id), seq: null, toSeq: null, message });
  }
  const last = BigInt(head?.seq ?? '0');
  let expected = 1n;
  let previous = AUDIT_CHAIN_GENESIS;
  let checked = 0;
  while (expected <= last) {
    const { rows } = await sql<ChainRow>`
      select id, at, actor, ticket_id, flow_id, kind, detail, chain_seq, hash from audit_log
      where chain is null and chain_seq >= ${String(expected)} and chain_seq <= ${String(last)} order by chain_seq limit ${BATCH}`.execute(
      db,
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = BigInt(row.chain_seq);
      if (seq !== expected) {
        const message = `audit rows at chain positions ${expected}..${seq - 1n} are missing (deleted); the next row is ${row.id}`;
        return broken(checked, head, { reason: 'missing', id: String(row.id), seq: String(expected), toSeq: String(seq - 1n), message });
      }
      const hash = auditRowHash(previous, {
        seq: String(seq),
        at: row.at,
        actor: row.actor,
        ticketId: row.ticket_id,
        flowId: row.flow_id,
        kind: row.kind,
        detail: row.detail,
      });
      if (hash !== row.hash) {
        const message = `audit row ${row.id} (chain position ${seq}) does not match its hash: it was changed after it was written`;
        return broken(checked, head, { reason: 'altered', id: String(row.id), seq: String(seq), toSeq: null, message });
      }
      previous = hash;
      expected += 1n;
      checked += 1;
    }
  }
  if (expected <= last) {
    const message = `the last audit rows, chain positions ${expected}..${last}, are missing (deleted)`;
    return broken(checked, head, { reason: 'tail-missing', id: null, seq: String(expected), toSeq: String(last), message });
  }
  if (head && head.hash !== previous) {
    const message = `the audit chain's head (position ${head.seq}) does not match its last row`;
    return broken(checked, head, { reason: 'head-mismatch', id: null, seq: head.seq, toSeq: null, message });
  }
  if (!head) {
    // No head but rows: the head row itself was deleted.
    const any = await db.selectFrom('audit_log').select('id').where('chain', 'is', null).orderBy('chain_seq').limit(1).executeTakeFirst();
    if (any) {
      const message = "the audit chain's head row is missing";
      return broken(0, head, { reason: 'head-mismatch', id: null, seq: null, toSeq: null, message });
    }
  }
  // Then each ticket's own chain (migration 0022).
  const tickets = await verifyTicketChains(db);
  if (tickets.firstBreak) return broken(checked + tickets.rows, head, tickets.firstBreak);
  return { ok: true, rows: checked + tickets.rows, head, firstBreak: null };
}
