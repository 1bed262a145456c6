import type { Kysely } from 'kysely';

/**
 * Revisions for optimistic concurrency: a flow's draft and a deployment count their saves, so
 * a save or rollout change made against an older revision is refused (409) instead of silently
 * overwriting someone else's. Existing rows start at revision 1, as new ones do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('flows')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('deployments')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
