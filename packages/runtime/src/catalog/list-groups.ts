import type { Group } from '@switchyard/nodes';
import type { Kysely, Selectable } from 'kysely';
import type { Database, GroupsTable } from '../db/schema';

/** Every group, by id. @example const groups = await listGroups(db); */
export async function listGroups(db: Kysely<Database>): Promise<Group[]> {
  return groupsFromRows(await groupsQuery(db).execute());
}

/** The query of `listGroups`, for a caller that sends it together with others (`sendTogether`). */
export function groupsQuery(db: Kysely<Database>) {
  return db.selectFrom('groups').selectAll().orderBy('id');
}

/** The groups of `groupsQuery`'s rows. */
export function groupsFromRows(rows: readonly Selectable<GroupsTable>[]): Group[] {
  return rows.map((row) => ({ id: row.id, name: row.name, ...(row.name_zh !== null ? { nameZh: row.name_zh } : {}) }));
}
