import type { Kysely } from 'kysely';

/**
 * Business calendars (issue 21): one row per calendar, the calendar itself a stored shape
 * (`business-calendar`: zone, weekly slots, holidays, moved working days, the groups it
 * serves). A row with id "default" replaces the shipped default calendar.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('calendar', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
