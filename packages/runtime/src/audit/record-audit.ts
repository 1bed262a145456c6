import { maskSensitiveValue } from '@switchyard/api';
import { type Compilable, type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import { sendTogether } from '../db/send-together';
import type { AuditLogTable, Database } from '../db/schema';
import { auditDetailShape } from '../db/stored/audit-detail-shape';
import { outcomesUpdate } from '../durable/record-outcome';
import { AUDIT_CHAIN_GENESIS, auditChainRowHash, auditRowHash, type ChainedAuditContent } from './audit-chain-hash';
import { recordAnalytics } from '../analytics/record-analytics';
import type { AuditEntry } from './audit-entry';
import { outcomeMarks } from './outcome-marks';

/**
 * The one writer of the audit log: brings the ticket outcomes the entries record up to date
 * (an error, an escalation, an SLA breach, a resolution), so metrics and guardrails never read
 * the history, then appends the entries to their hash chains: a ticket's entries to that
 * ticket's own chain (migration 0022), entries without a ticket to the global chain (each row's
 * hash covers the previous row's hash on its chain and its own content: `verifyAuditChain` finds
 * a row changed or deleted behind its back). Call it with the transaction of the change it
 * records, after that change's other writes: appending locks the heads of the chains it extends
 * (in chain order) until the transaction ends, so they are the transaction's last locks. Writers
 * of different tickets do not wait for each other; writers of one ticket append in commit order.
 * @example await recordAudit(trx, { at: now, actor, ticketId: null, flowId: id, kind: 'flow.created', detail: { name } });
 */
export async function recordAudit(trx: Kysely<Database>, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list: readonly AuditEntry[] = 'kind' in entries ? [entries] : entries;
  if (list.length === 0) return;
  // The dashboard's and flows' rollups (issue 19), from the same entries, in the same transaction,
  // after the outcomes' update (sent first, with the rollups' reads).
  await recordAnalytics(trx, list, outcomesUpdate(trx, outcomeMarks(list)));
  const ticketChains = await ticketChainRows(
    trx,
    list.filter((e) => e.ticketId !== null),
  );
  const globalRows = await globalChainRows(
    trx,
    list.filter((e) => e.ticketId === null),
  );
  // Inserted in the order given (ids follow it), whichever chain each row is on.
  let t = 0;
  let g = 0;
  const rows = list.map((e) => (e.ticketId !== null ? ticketChains.rows[t++] : globalRows[g++])).filter((r) => r !== undefined);
  // The ticket chains' heads move on in the same round trip as the rows that move them.
  await sendTogether(trx, (send) =>
    Promise.all([...(ticketChains.moveHeads ? [send(ticketChains.moveHeads)] : []), send(trx.insertInto('audit_log').values(rows))]),
  );
}

type AuditInsert = Insertable<AuditLogTable>;

/** The stored detail and the content its hash covers (the detail as the column gives it back: the JSON text parsed again). */
function chained(e: AuditEntry, seq: string): { detail: AuditInsert['detail']; content: ChainedAuditContent } {
  // No customer phone, email, ID-card or bank-card number reaches the audit in clear.
  const detail = auditDetailShape.json(maskSensitiveValue(e.detail));
  const parsed: unknown = JSON.parse(detail);
  const content = { seq, at: e.at, actor: e.actor, ticketId: e.ticketId, flowId: e.flowId, kind: e.kind, detail: parsed };
  return { detail, content };
}

/**
 * Rows on each ticket's own chain: the heads locked in chain order (created at the genesis when new),
 * moved on in memory; `moveHeads` writes them back.
 */
async function ticketChainRows(
  trx: Kysely<Database>,
  entries: readonly AuditEntry[],
): Promise<{ rows: AuditInsert[]; moveHeads: Compilable<unknown> | undefined }> {
  if (entries.length === 0) return { rows: [], moveHeads: undefined };
  const chains = [...new Set(entries.map((e) => e.ticketId ?? ''))].sort();
  // Created if new, then locked: one round trip (the select runs after the insert, and sees its rows).
  const [, locked] = await sendTogether(trx, (send) =>
    Promise.all([
      send(
        trx
          .insertInto('audit_chain_heads')
          .values(chains.map((chain) => ({ chain, seq: '0', hash: AUDIT_CHAIN_GENESIS })))
          .onConflict((oc) => oc.column('chain').doNothing()),
      ),
      send(trx.selectFrom('audit_chain_heads').select(['chain', 'seq', 'hash']).where('chain', 'in', chains).orderBy('chain').forUpdate()),
    ]),
  );
  const heads = new Map(locked.rows.map((h) => [h.chain, { seq: BigInt(h.seq), hash: h.hash }]));
  const rows = entries.map((e): AuditInsert => {
    const chain = e.ticketId ?? '';
    const head = heads.get(chain) ?? { seq: 0n, hash: AUDIT_CHAIN_GENESIS };
    const seq = String(head.seq + 1n);
    const { detail, content } = chained(e, seq);
    const hash = auditChainRowHash(head.hash, chain, content);
    heads.set(chain, { seq: head.seq + 1n, hash });
    return { at: e.at, actor: e.actor, ticket_id: e.ticketId, flow_id: e.flowId, kind: e.kind, detail, chain_seq: seq, hash, chain };
  });
  const moved = chains.map((chain) => {
    const head = heads.get(chain) ?? { seq: 0n, hash: AUDIT_CHAIN_GENESIS };
    return sql`(${chain}::text, ${String(head.seq)}::bigint, ${head.hash}::text)`;
  });
  const moveHeads = sql`
    update audit_chain_heads as h set seq = v.seq, hash = v.hash
    from (values ${sql.join(moved)}) as v(chain, seq, hash) where h.chain = v.chain`;
  return { rows, moveHeads: { compile: () => moveHeads.compile(trx) } };
}

/** Rows on the global chain (entries without a ticket): its one head row locked, moved on, written back. */
async function globalChainRows(trx: Kysely<Database>, entries: readonly AuditEntry[]): Promise<AuditInsert[]> {
  if (entries.length === 0) return [];
  const head = await lockChainHead(trx);
  let seq = BigInt(head.seq);
  let hash = head.hash;
  const rows = entries.map((e): AuditInsert => {
    seq += 1n;
    const { detail, content } = chained(e, String(seq));
    hash = auditRowHash(hash, content);
    return { at: e.at, actor: e.actor, ticket_id: e.ticketId, flow_id: e.flowId, kind: e.kind, detail, chain_seq: String(seq), hash };
  });
  await trx
    .updateTable('audit_chain')
    .set({ seq: String(seq), hash })
    .where('id', '=', 1)
    .execute();
  return rows;
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

/**
 * The part of one statement (two common table expressions, `head` and `entry`) that opens new
 * tickets' audit chains with their first entry each, for a caller that writes a batch of new
 * tickets in one statement (`writeNewTickets`): a new ticket's chain starts at the genesis, so
 * nothing is read or locked. Kept here so this file stays the audit log's one writer.
 */
export function openTicketChainsSql(entries: readonly AuditEntry[]): RawBuilder<unknown> {
  const rows = entries.map((e) => {
    const chain = e.ticketId ?? '';
    const { detail, content } = chained(e, '1');
    return { at: e.at, kind: e.kind, chain, actor: e.actor, detail, hash: auditChainRowHash(AUDIT_CHAIN_GENESIS, chain, content) };
  });
  const col = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  return sql`head as (
      insert into audit_chain_heads (chain, seq, hash)
      select h.chain, 1, h.hash from unnest(${col((r) => r.chain)}::text[], ${col((r) => r.hash)}::text[]) as h(chain, hash)
    ), entry as (
      insert into audit_log (at, actor, ticket_id, flow_id, kind, detail, chain_seq, hash, chain)
      select a.at, a.actor, a.chain, null, a.kind, a.detail::jsonb, 1, a.hash, a.chain
      from unnest(${col((r) => r.at)}::timestamptz[], ${col((r) => r.actor)}::text[], ${col((r) => r.chain)}::text[],
        ${col((r) => r.kind)}::text[], ${col((r) => r.detail)}::text[], ${col((r) => r.hash)}::text[])
        with ordinality as a(at, actor, chain, kind, detail, hash, i)
      order by a.i
    )`;
}
