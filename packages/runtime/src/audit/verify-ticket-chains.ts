import type { AuditChainBreak } from '@switchyard/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { AUDIT_CHAIN_GENESIS, auditChainRowHash } from './audit-chain-hash';
import { PACKED_KIND, storedPackedHolds } from './packed-row';

const BATCH = 1_000;

interface ChainRow {
  id: string;
  at: Date;
  actor: string;
  ticket_id: string | null;
  flow_id: string | null;
  kind: string;
  detail: unknown;
  chain: string;
  chain_seq: string;
  hash: string | null;
  kinds: string[] | null;
  flows: string[] | null;
}

/** A packed row's `kinds` and `flows` (which the hash does not cover) say what its detail holds: else the indexes would hide entries. */
function holdsMatch(row: ChainRow): boolean {
  if (row.kind !== PACKED_KIND) return true;
  const holds = storedPackedHolds(row.detail);
  return holds !== undefined && JSON.stringify(holds) === JSON.stringify({ kinds: row.kinds, flows: row.flows });
}

/** How a walk of the ticket chains ended: rows checked, and the first break when one was found. */
export interface TicketChainsCheck {
  readonly rows: number;
  readonly firstBreak: AuditChainBreak | null;
}

/**
 * Walks every ticket's own chain (migration 0022) up to its head as it was when the check
 * began, in (chain, position) order: a row changed, a gap, missing last rows, a head that does
 * not match its last row, or rows whose chain has no head (deleted) are breaks. The heads are
 * held in memory (about 100 bytes per ticket): an offline check.
 */
export async function verifyTicketChains(db: Kysely<Database>): Promise<TicketChainsCheck> {
  const heads = new Map((await db.selectFrom('audit_chain_heads').select(['chain', 'seq', 'hash']).execute()).map((h) => [h.chain, h]));
  const broken = (rows: number, firstBreak: AuditChainBreak): TicketChainsCheck => ({ rows, firstBreak });
  let checked = 0;
  let current: string | undefined;
  let expected = 1n;
  let previous = AUDIT_CHAIN_GENESIS;
  /** The end of a chain walked: its head must say as many rows and the same hash. */
  const close = (chain: string): AuditChainBreak | undefined => {
    const head = heads.get(chain);
    if (!head) return undefined;
    heads.delete(chain);
    const last = BigInt(head.seq);
    if (expected <= last) {
      const message = `the last audit rows of ticket ${chain}, positions ${expected}..${last} of its chain, are missing (deleted)`;
      return { reason: 'tail-missing', id: null, seq: String(expected), toSeq: String(last), message };
    }
    if (head.hash !== previous) {
      const message = `the audit chain head of ticket ${chain} (position ${head.seq}) does not match its last row`;
      return { reason: 'head-mismatch', id: null, seq: head.seq, toSeq: null, message };
    }
    return undefined;
  };
  for (let after = { chain: '', seq: '0' }; ;) {
    const { rows } = await sql<ChainRow>`
      select id, at, actor, ticket_id, flow_id, kind, detail, chain, chain_seq, hash, kinds, flows from audit_log
      where chain is not null and (chain, chain_seq) > (${after.chain}, ${after.seq}::bigint)
      order by chain, chain_seq limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.chain !== current) {
        if (current !== undefined) {
          const end = close(current);
          if (end) return broken(checked, end);
        }
        current = row.chain;
        expected = 1n;
        previous = AUDIT_CHAIN_GENESIS;
      }
      const head = heads.get(row.chain);
      const seq = BigInt(row.chain_seq);
      // Appended after the check began (its head was read before): left for the next check.
      if (!head || seq > BigInt(head.seq)) continue;
      if (seq !== expected) {
        const message = `audit rows of ticket ${row.chain} at positions ${expected}..${seq - 1n} of its chain are missing (deleted); the next row is ${row.id}`;
        return broken(checked, { reason: 'missing', id: String(row.id), seq: String(expected), toSeq: String(seq - 1n), message });
      }
      const hash = auditChainRowHash(previous, row.chain, {
        seq: row.chain_seq,
        at: row.at,
        actor: row.actor,
        ticketId: row.ticket_id,
        flowId: row.flow_id,
        kind: row.kind,
        detail: row.detail,
      });
      if (hash !== row.hash) {
        const message = `audit row ${row.id} (position ${seq} of ticket ${row.chain}'s chain) does not match its hash: it was changed after it was written`;
        return broken(checked, { reason: 'altered', id: String(row.id), seq: String(seq), toSeq: null, message });
      }
      if (!holdsMatch(row)) {
        const message = `audit row ${row.id} (position ${seq} of ticket ${row.chain}'s chain) lists kinds or flows its entries do not have: it was changed after it was written`;
        return broken(checked, { reason: 'altered', id: String(row.id), seq: String(seq), toSeq: null, message });
      }
      previous = hash;
      expected += 1n;
      checked += 1;
    }
    const last = rows.at(-1);
    if (!last) break;
    after = { chain: last.chain, seq: last.chain_seq };
  }
  if (current !== undefined) {
    const end = close(current);
    if (end) return broken(checked, end);
  }
  // Heads left over had no row at all: every row of those tickets was deleted.
  for (const [chain, head] of heads) {
    if (head.seq === '0') continue;
    const message = `the audit rows of ticket ${chain}, positions 1..${head.seq} of its chain, are missing (deleted)`;
    return broken(checked, { reason: 'tail-missing', id: null, seq: '1', toSeq: head.seq, message });
  }
  const orphan = await sql<{ chain: string }>`
    select distinct l.chain from audit_log l left join audit_chain_heads h on h.chain = l.chain
    where l.chain is not null and h.chain is null limit 1`.execute(db);
  const lost = orphan.rows[0]?.chain;
  if (lost !== undefined) {
    const message = `the audit chain head of ticket ${lost} is missing (deleted)`;
    return broken(checked, { reason: 'head-mismatch', id: null, seq: null, toSeq: null, message });
  }
  return { rows: checked, firstBreak: null };
}
