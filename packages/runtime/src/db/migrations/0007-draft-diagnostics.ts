import type { Kysely } from 'kysely';

/**
 * A draft keeps the diagnostics computed when it was saved, so the flow list reads whether
 * each draft would publish instead of validating every draft on every request. Migrations
 * have no node registry: existing rows start NULL and get theirs on the first read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('flows').addColumn('diagnostics', 'jsonb').execute();
}
