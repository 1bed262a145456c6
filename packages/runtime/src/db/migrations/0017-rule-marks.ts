import type { Kysely } from 'kysely';

/**
 * The tickets behind the rule-quality figures (issue 19): each automated assignment or
 * category, and each misroute (a person moved the ticket within 24 h of the assignment) or
 * correction (a person changed the category the flow set), by flow and node. The figures
 * count them per day in `analytics_flow_daily`; these rows list the tickets behind them.
 * `analytics_settings` keeps the quality scorecard (metric, target, weight) as a stored shape.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_rule_marks')
    .addColumn('id', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('mark', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analytics_rule_marks_flow').on('analytics_rule_marks').columns(['flow_id', 'mark', 'at']).execute();
  await db.schema
    .createTable('analytics_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
