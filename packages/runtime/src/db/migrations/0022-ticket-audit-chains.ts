import { type Kysely, sql } from 'kysely';

/**
 * Each ticket's audit entries form a chain of their own (`audit_log.chain` = the ticket id,
 * `chain_seq` 1, 2, 3... within it, heads in `audit_chain_heads`), so appending locks only the
 * ticket's head: ticket creators and workers on different tickets no longer wait for each
 * other's commits on the one head row of migration 0011. Entries without a ticket (flows,
 * rollouts, users) stay on that global chain, and every row written before this migration
 * keeps its place on it (`chain` null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('chain', 'text').execute();
  await sql`drop index audit_log_chain_seq`.execute(db);
  await sql`create unique index audit_log_global_chain_seq on audit_log (chain_seq) where chain is null`.execute(db);
  await sql`create unique index audit_log_ticket_chain_seq on audit_log (chain, chain_seq) where chain is not null`.execute(db);
  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}
