import type { SwitchyardDatabase } from '@switchyard/runtime';
import { sql } from 'kysely';

/** Counts the rows of every table of the current schema, by table name, in one statement per call. */
export async function rowCounter(db: SwitchyardDatabase['db']): Promise<() => Promise<Record<string, number>>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts = sql.join(
    tables.map(({ name }) => sql`select ${name}::text as name, count(*)::int as rows from ${sql.table(name)}`),
    sql` union all `,
  );
  return async () => {
    const { rows } = await sql<{ name: string; rows: number }>`${counts}`.execute(db);
    return Object.fromEntries(rows.map((row) => [row.name, row.rows]));
  };
}
