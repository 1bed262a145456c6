import { type Kysely, sql } from 'kysely';
import { AUDIT_CHAIN_GENESIS, auditRowHash } from '../../audit/audit-chain-hash';

const BATCH = 1_000;

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  ticket_id: string | null;
  flow_id: string | null;
  kind: string;
  detail: unknown;
}

/**
 * The audit log becomes tamper-evident: each row gets its place in one chain (`chain_seq`,
 * 1, 2, 3... in the order rows were appended) and a `hash` of its content and the previous
 * row's hash; `audit_chain` keeps the head (last position and hash), so a row deleted at the
 * end is noticed too. Appends lock the head row (see `recordAudit`). Existing rows are chained
 * here in id order (the append-only trigger is set aside for that, inside this transaction).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('chain_seq', 'bigint').addColumn('hash', 'text').execute();
  await db.schema
    .createTable('audit_chain')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await chainExistingRows(db);
  await sql`create unique index audit_log_chain_seq on audit_log (chain_seq)`.execute(db);
}

/**
 * Chains the rows that have no chain position yet, in id order, after the head (or from the
 * genesis), and sets the head. The migration's backfill; exported for its test only.
 */
export async function chainExistingRows<DB>(db: Kysely<DB>): Promise<void> {
  const { rows: heads } = await sql<{ seq: string; hash: string }>`select seq, hash from audit_chain where id = 1`.execute(db);
  let seq = Number(heads[0]?.seq ?? 0);
  let previous = heads[0]?.hash ?? AUDIT_CHAIN_GENESIS;
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  for (let after = '0'; ; ) {
    const { rows } = await sql<AuditRow>`
      select id, at, actor, ticket_id, flow_id, kind, detail from audit_log
      where chain_seq is null and id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const updates = rows.map((row) => {
      seq += 1;
      previous = auditRowHash(previous, {
        seq: String(seq),
        at: row.at,
        actor: row.actor,
        ticketId: row.ticket_id,
        flowId: row.flow_id,
        kind: row.kind,
        detail: row.detail,
      });
      return sql`(${row.id}::bigint, ${seq}::bigint, ${previous})`;
    });
    await sql`
      update audit_log set chain_seq = v.seq, hash = v.hash
      from (values ${sql.join(updates)}) as v(id, seq, hash) where audit_log.id = v.id`.execute(db);
    after = String(rows.at(-1)?.id ?? after);
  }
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  await sql`insert into audit_chain (id, seq, hash) values (1, ${seq}, ${previous})
    on conflict (id) do update set seq = excluded.seq, hash = excluded.hash`.execute(db);
}
