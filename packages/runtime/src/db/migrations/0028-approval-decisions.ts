import { type Kysely, sql } from 'kysely';

/**
 * Decided approvals (issue 21's approvals screen): a waiting approval lives only in its flow's
 * snapshot and is gone once decided, so each decision keeps here what was asked, of whom, and
 * the answer, written in the transaction that queues the `approval.decided` event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approval_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('node', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('user', 'text')
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve', 'reject')`))
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_decisions_decided').on('approval_decisions').columns(['decided_at', 'id']).execute();
}
