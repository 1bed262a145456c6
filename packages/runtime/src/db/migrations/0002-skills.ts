import type { Kysely } from 'kysely';

/** Named skills, for display and pickers; agents keep their skill ids in `agents.skills`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text')
    .execute();
}
