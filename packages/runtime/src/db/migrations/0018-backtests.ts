import type { Kysely } from 'kysely';

/**
 * Backtests (issue 20): a job replays recorded tickets through a candidate flow beside the
 * versions they ran. `backtests` holds its request, progress and lease (a worker claims a job
 * whose lease is over with SKIP LOCKED, runs a small batch, records it and releases it, so a
 * job survives a worker's restart); `backtest_tickets` the tickets whose outcome differs or
 * whose replay disagreed with production, kept until the job is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backtests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('candidate', 'jsonb', (c) => c.notNull())
    .addColumn('from_at', 'timestamptz', (c) => c.notNull())
    .addColumn('to_at', 'timestamptz', (c) => c.notNull())
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('max_tickets', 'integer')
    .addColumn('filter', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('differing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replay_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('roster_today', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('cursor_at', 'timestamptz')
    .addColumn('cursor_id', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('backtests_running').on('backtests').columns(['status', 'created_at']).execute();
  await db.schema
    .createTable('backtest_tickets')
    .addColumn('backtest_id', 'text', (c) => c.notNull().references('backtests.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('backtest_tickets_pk', ['backtest_id', 'ticket_id'])
    .execute();
  // Tickets are replayed oldest first; the window's query walks this index.
  await db.schema.createIndex('tickets_created_at').ifNotExists().on('tickets').columns(['created_at', 'id']).execute();
}
