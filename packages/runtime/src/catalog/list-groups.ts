import type { Group } from '@switchyard/nodes';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Every group, by id. @example const groups = await listGroups(db); */
export async function listGroups(db: Kysely<Database>): Promise<Group[]> {
  const rows = await db.selectFrom('groups').selectAll().orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, ...(row.name_zh !== null ? { nameZh: row.name_zh } : {}) }));
}
