import { type Kysely, sql } from 'kysely';

/**
 * Analytics rollups (issue 19), kept by `recordAudit` in the transaction of the events they
 * count, so the dashboard and a flow's analytics read a few rows per day instead of the history:
 * - `analytics_tickets`: one row of facts per ticket (its status, group, category, first
 *   response, resolution, CSAT...), refreshed from the ticket whenever its audit is written;
 * - `analytics_daily`: per creation day, group and channel, the counts those facts add up to
 *   (status, category, duration buckets...), changed by the difference of each facts row;
 * - `analytics_flow_daily`: per day, flow and version, counters of nodes entered, edges taken,
 *   errors, and wait durations in buckets;
 * - `analytics_waits_open`: when each ticket's flow came to rest in its current state.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_tickets')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('grp', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('first_response_ms', 'bigint')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('agent_replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopened', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('csat', 'smallint')
    .addColumn('breached', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('routed_flow', 'text')
    .addColumn('routed_node', 'text')
    .addColumn('routed_at', 'timestamptz')
    .addColumn('categorized_flow', 'text')
    .addColumn('categorized_node', 'text')
    .addColumn('misrouted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('corrected', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  // Per-agent medians read the period's facts by creation time (an index-only scan: a day holds thousands, not millions).
  await sql`create index analytics_tickets_created on analytics_tickets (created_at) include (grp, channel, assignee, first_response_ms)`.execute(db);

  await db.schema
    .createTable('analytics_daily')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('total', 'float8', (c) => c.notNull())
    .execute();
  // The counts ride in the key's index: a period's figures come from an index-only scan.
  await sql`alter table analytics_daily add constraint analytics_daily_pk primary key (day, grp, channel, metric, key) include (n, total)`.execute(db);
  // "Overdue now" sums a metric over every day.
  await db.schema.createIndex('analytics_daily_metric').on('analytics_daily').columns(['metric', 'day']).execute();

  await db.schema
    .createTable('analytics_flow_daily')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('total', 'float8', (c) => c.notNull())
    .execute();
  await sql`alter table analytics_flow_daily add constraint analytics_flow_daily_pk primary key (flow_id, day, version, metric, key) include (n, total)`.execute(db);

  await db.schema
    .createTable('analytics_waits_open')
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_waits_open_pk', ['ticket_id', 'flow_id'])
    .execute();
}
