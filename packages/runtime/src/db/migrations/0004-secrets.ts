import type { Kysely } from 'kysely';

/**
 * Secrets nodes read (API keys of the ERP, billing...), written through the API and never
 * read back by it. `cipher` says how `value` is stored: `aes-256-gcm` (iv.tag.data, base64,
 * the name as associated data) when SWITCHYARD_SECRETS_KEY is set, `none` otherwise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('cipher', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
