import type { Kysely } from 'kysely';

/**
 * Two-level categories (issue 21): `subcategory` is the level two under `category` (level one,
 * kept as it was: system fault / login failure is `fault` / `login_failure`). Null for every
 * ticket a flow has not given one, including those opened before this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('subcategory', 'text').execute();
}
