import { z } from 'zod';
import { RuntimeInputError } from '../errors';

/** Where a page ended: the sort keys of its last row. */
export const QueueCursor = z.discriminatedUnion('s', [
  z.object({ s: z.literal('newest'), c: z.iso.datetime(), i: z.string() }),
  z.object({ s: z.literal('urgency'), p: z.number().int(), d: z.iso.datetime().nullable(), c: z.iso.datetime(), i: z.string() }),
]);
export type QueueCursor = z.infer<typeof QueueCursor>;

/** The opaque text of a cursor (base64url of its JSON). */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor read back; a 400 naming `cursor` when it is not one this server gave. */
export function decodeCursor(text: string): QueueCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = QueueCursor.safeParse(value);
  if (!parsed.success) {
    throw new RuntimeInputError('cursor is not one a ticket list gave (游标无效)', 400, [{ path: 'cursor', message: 'unknown cursor' }]);
  }
  return parsed.data;
}

/** Priority as a sort rank: urgent first. */
export const PRIORITY_RANK_SQL = "case t.priority when 'urgent' then 0 when 'high' then 1 else 2 end";
