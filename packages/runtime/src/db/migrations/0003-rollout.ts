import { type Kysely, sql } from 'kysely';

/**
 * Gradual rollout: a deployment's guardrails and ramp plan, the guardrail that last rolled
 * it back, ops notifications (delivered to a webhook by the worker), and the indexes the
 * per-version metrics read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('deployments')
    .addColumn('guardrails', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('ramp', 'jsonb')
    .addColumn('ramp_step', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('next_step_at', 'timestamptz')
    .addColumn('tripped', 'jsonb')
    .execute();
  // A percentage only means something with a candidate to send tickets to.
  await sql`alter table deployments add constraint deployments_percent_needs_candidate check (candidate is not null or percent = 0)`.execute(db);
  await sql`alter table deployments add constraint deployments_candidate_differs check (candidate is null or candidate <> stable)`.execute(db);
  await sql`create index deployments_next_step on deployments (next_step_at) where next_step_at is not null`.execute(db);

  await db.schema.createIndex('ticket_flows_version').on('ticket_flows').columns(['flow_id', 'version']).execute();
  await sql`create index outbox_dead on outbox (flow_id, version) where status = 'dead'`.execute(db);

  await db.schema
    .createTable('ops_notifications')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('flow_id', 'text')
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index ops_notifications_undelivered on ops_notifications (next_attempt_at) where delivered_at is null`.execute(db);
}
