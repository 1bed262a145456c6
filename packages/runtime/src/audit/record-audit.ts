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
import { PACKED_KIND, packedHolds } from './packed-row';

/**
 * The one writer of the audit log: brings the ticket outcomes the entries record up to date
 * (an error, an escalation, an SLA breach, a resolution), so metrics and guardrails never read
 * the history, then appends the entries to their hash chains: a ticket's entries to that
 * ticket's own chain (migration 0022), entries without a ticket to the global chain (each row's
 * hash covers the previous row's hash on its chain and its own content: `verifyAuditChain` finds
 * a row changed or deleted behind its back). A ticket's entries of one call are one row, packed
 * when there are several (migration 0033: an applied event, its transitions and actions are one
 * row, one hash, one index entry each); readers read entries through the view `audit_entries`.
 * Call it with the transaction of the change it records, after that change's other writes:
 * appending locks the heads of the chains it extends (in chain order) until the transaction
 * ends, so they are the transaction's last locks. Writers of different tickets do not wait for
 * each other; writers of one ticket append in commit order.
 * @example await recordAudit(trx, { at: now, actor, ticketId: null, flowId: id, kind: 'flow.created', detail: { name } });
 */
export async function recordAudit(trx: Kysely<Database>, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list: readonly AuditEntry[] = 'kind' in entries ? [entries] : entries;
  if (list.length === 0) return;
  // The dashboard's and flows' rollups (issue 19), from the same entries, in the same transaction,
  // after the outcomes' update (sent first, with the rollups' reads).
  await recordAnalytics(trx, list, outcomesUpdate(trx, outcomeMarks(list)));
  const byTicket = new Map<string, AuditEntry[]>();
  for (const e of list) if (e.ticketId !== null) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
  const ticketChains = await ticketChainRows(trx, byTicket);
  const globalRows = await globalChainRows(
    trx,
    list.filter((e) => e.ticketId === null),
  );
  // Inserted in the order given (ids follow it; a ticket's row at its first entry's place), whichever chain each row is on.
  let g = 0;
  const written = new Set<string>();
  const rows = list.flatMap((e) => {
    if (e.ticketId === null) return globalRows.slice(g, ++g);
    if (written.has(e.ticketId)) return [];
    written.add(e.ticketId);
    const row = ticketChains.rows.get(e.ticketId);
    return row ? [row] : [];
  });
  // The ticket chains' heads move on in the same round trip as the rows that move them.
  await sendTogether(trx, (send) =>
    Promise.all([...(ticketChains.moveHeads ? [send(ticketChains.moveHeads)] : []), send(trx.insertInto('audit_log').values(rows))]),
  );
}

type AuditInsert = Insertable<AuditLogTable>;

/** What one row stores, before its chain position: one entry as it is, or several of one ticket packed. */
interface RowContent {
  readonly at: Date;
  readonly actor: string;
  readonly ticketId: string | null;
  readonly flowId: string | null;
  readonly kind: string;
  readonly detail: AuditInsert['detail'];
  readonly kinds: string[] | null;
  readonly flows: string[] | null;
}

/** The stored detail of one entry: no customer phone, email, ID-card or bank-card number reaches the audit in clear. */
const storedDetail = (e: AuditEntry) => auditDetailShape.json(maskSensitiveValue(e.detail));

/** An entry as a row of its own. */
function singleRow(e: AuditEntry): RowContent {
  return {
    at: e.at,
    actor: e.actor,
    ticketId: e.ticketId,
    flowId: e.flowId,
    kind: e.kind,
    detail: storedDetail(e),
    kinds: null,
    flows: null,
  };
}

/**
 * One ticket's entries as one row: one entry as it is, several as a `packed` row (its time the
 * latest entry's, its actor the first's; each entry keeps its own).
 */
function ticketRow(ticketId: string, entries: readonly AuditEntry[]): RowContent | undefined {
  const [first] = entries;
  if (!first) return undefined;
  if (entries.length === 1) return singleRow(first);
  const packed = entries.map((e) => ({
    kind: e.kind,
    at: e.at.toISOString(),
    actor: e.actor,
    flowId: e.flowId,
    detail: JSON.parse(storedDetail(e)) as unknown,
  }));
  const at = new Date(Math.max(...entries.map((e) => e.at.getTime())));
  const detail = auditDetailShape.json({ entries: packed });
  return { at, actor: first.actor, ticketId, flowId: null, kind: PACKED_KIND, detail, ...packedHolds(entries) };
}

/** The row with its chain position and the content its hash covers (the detail as the column gives it back: the JSON text parsed again). */
function chained(row: RowContent, seq: string): { insert: AuditInsert; content: ChainedAuditContent } {
  const { at, actor, ticketId, flowId, kind, detail, kinds, flows } = row;
  const parsed: unknown = JSON.parse(detail);
  const content = { seq, at, actor, ticketId, flowId, kind, detail: parsed };
  return { insert: { at, actor, ticket_id: ticketId, flow_id: flowId, kind, detail, chain_seq: seq, kinds, flows }, content };
}

/**
 * One row per ticket on its own chain: the heads locked in chain order (created at the genesis
 * when new), moved on in memory; `moveHeads` writes them back.
 */
async function ticketChainRows(
  trx: Kysely<Database>,
  byTicket: ReadonlyMap<string, readonly AuditEntry[]>,
): Promise<{ rows: Map<string, AuditInsert>; moveHeads: Compilable<unknown> | undefined }> {
  if (byTicket.size === 0) return { rows: new Map(), moveHeads: undefined };
  const chains = [...byTicket.keys()].sort();
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
  const rows = new Map<string, AuditInsert>();
  for (const [chain, entries] of byTicket) {
    const row = ticketRow(chain, entries);
    if (!row) continue;
    const head = heads.get(chain) ?? { seq: 0n, hash: AUDIT_CHAIN_GENESIS };
    const { insert, content } = chained(row, String(head.seq + 1n));
    const hash = auditChainRowHash(head.hash, chain, content);
    heads.set(chain, { seq: head.seq + 1n, hash });
    rows.set(chain, { ...insert, hash, chain });
  }
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
    const { insert, content } = chained(singleRow(e), String(seq));
    hash = auditRowHash(hash, content);
    return { ...insert, hash };
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
 * tickets' audit chains with their first row each (a ticket's entries as `recordAudit` would
 * write them: one row, packed when several), for a caller that writes a batch of new tickets in
 * one statement (`writeNewTickets`): a new ticket's chain starts at the genesis, so nothing is
 * read or locked. Kept here so this file stays the audit log's one writer.
 */
export function openTicketChainsSql(entries: readonly AuditEntry[]): RawBuilder<unknown> {
  const byTicket = new Map<string, AuditEntry[]>();
  for (const e of entries) byTicket.set(e.ticketId ?? '', [...(byTicket.get(e.ticketId ?? '') ?? []), e]);
  const rows = [...byTicket].flatMap(([chain, own]) => {
    const row = ticketRow(chain, own);
    if (!row) return [];
    const { content } = chained(row, '1');
    return [{ ...row, chain, hash: auditChainRowHash(AUDIT_CHAIN_GENESIS, chain, content) }];
  });
  const col = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const list = (values: string[] | null) => (values === null ? null : JSON.stringify(values));
  return sql`head as (
      insert into audit_chain_heads (chain, seq, hash)
      select h.chain, 1, h.hash from unnest(${col((r) => r.chain)}::text[], ${col((r) => r.hash)}::text[]) as h(chain, hash)
    ), entry as (
      insert into audit_log (at, actor, ticket_id, flow_id, kind, detail, chain_seq, hash, chain, kinds, flows)
      select a.at, a.actor, a.chain, a.flow_id, a.kind, a.detail::jsonb, 1, a.hash, a.chain,
        case when a.kinds is null then null else array(select jsonb_array_elements_text(a.kinds::jsonb)) end,
        case when a.flows is null then null else array(select jsonb_array_elements_text(a.flows::jsonb)) end
      from unnest(${col((r) => r.at)}::timestamptz[], ${col((r) => r.actor)}::text[], ${col((r) => r.chain)}::text[],
        ${col((r) => r.flowId)}::text[], ${col((r) => r.kind)}::text[], ${col((r) => r.detail)}::text[], ${col((r) => r.hash)}::text[],
        ${col((r) => list(r.kinds))}::text[], ${col((r) => list(r.flows))}::text[])
        with ordinality as a(at, actor, chain, flow_id, kind, detail, hash, kinds, flows, i)
      order by a.i
    )`;
}
