import type { Kysely } from 'kysely';

/**
 * A published version keeps the change note its publisher wrote ("why this version"), shown in
 * the versions panel and in diffs. Versions published before have none: NULL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('flow_versions').addColumn('note', 'text').execute();
}
