import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { formatTicketNumber } from '../dry-run/ticket-number';

/** Months whose sequence this process has seen exist, per database handle. */
const knownMonths = new WeakMap<Kysely<Database>, Set<string>>();

/** The sequence a month's ticket numbers come from (`ticket_number_202606`); owned by `ticket_numbers.month`. */
export function monthSequenceName(month: string): string {
  if (!/^\d{6}$/.test(month)) throw new Error(`not a yyyyMM month: ${month}`);
  return `ticket_number_${month}`;
}

/**
 * Makes sure the month's number sequence exists, outside any ticket's transaction (once per
 * month and process; two processes creating it at once is harmless). A sequence instead of
 * a counter row: `nextval` never waits for another creator's transaction, so creators run
 * side by side. The price: a number taken by a transaction that rolls back is skipped (a gap).
 * The sequence is owned by a column of `ticket_numbers`, so emptying that table with
 * `truncate ... restart identity` restarts it (tests).
 */
export async function ensureMonthSequence(db: Kysely<Database>, month: string): Promise<void> {
  const known = knownMonths.get(db) ?? new Set<string>();
  knownMonths.set(db, known);
  if (known.has(month)) return;
  const name = monthSequenceName(month);
  try {
    await sql`create sequence if not exists ${sql.id(name)} owned by ticket_numbers.month`.execute(db);
  } catch (error) {
    // A concurrent creator won the race (unique violation on the catalogue, or "already exists").
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code !== '23505' && code !== '42P07') throw error;
  }
  known.add(month);
}

/** Forgets what `ensureMonthSequence` saw (a schema dropped and made again under the same handle). */
export function forgetMonthSequences(db: Kysely<Database>): void {
  knownMonths.delete(db);
}

/** The month's next ticket number, from its sequence (made by `ensureMonthSequence`). */
export async function nextTicketNumber(trx: Kysely<Database>, month: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval(${monthSequenceName(month)}) as n`.execute(trx);
  const n = rows[0]?.n;
  if (n === undefined) throw new Error(`no next value from ${monthSequenceName(month)}`);
  return formatTicketNumber(month, Number(n));
}

/** Whether an error says a relation (here: the month's sequence) does not exist. */
export function isMissingRelation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '42P01';
}
