import { type Kysely, sql } from 'kysely';

/**
 * Ticket numbers come from one sequence per month (`ticket_number_yyyyMM`, made on demand by
 * `ensureMonthSequence`) instead of the `ticket_numbers` counter row, whose lock made every
 * ticket creator wait for the previous one to commit. Months already counted get their
 * sequence here, continuing after the last number given. The table stays: it owns the
 * sequences (so `truncate ticket_numbers restart identity` restarts them) and keeps the
 * counts as they were before this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ month: string; last: number }>`select month, last from ticket_numbers`.execute(db);
  for (const { month, last } of rows) {
    if (!/^\d{6}$/.test(month)) continue;
    await sql`create sequence if not exists ${sql.id(`ticket_number_${month}`)} start with ${sql.lit(Number(last) + 1)} owned by ticket_numbers.month`.execute(
      db,
    );
  }
}
