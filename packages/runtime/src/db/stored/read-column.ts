import type { z } from 'zod';
import { type StoredAt, StoredDataError, storedIssues } from './stored-data-error';

/**
 * A text column whose values are one of a schema's (a ticket's channel, priority...), read
 * through the schema: a value no code writes is reported with its table, row and column.
 * @example const channel = readColumn(Channel, row.channel, { table: 'tickets', key: row.id }, 'channel');
 */
export function readColumn<T>(schema: z.ZodType<T>, value: unknown, at: StoredAt, column: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new StoredDataError(at, column, storedIssues(parsed.error.issues.map((i) => ({ ...i, path: [column, ...i.path] }))));
  return parsed.data;
}
