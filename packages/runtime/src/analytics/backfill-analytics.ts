import type { Kysely } from 'kysely';
import { AUDIT_ENTRY_COLUMNS } from '../audit/audit-entries';
import { readAuditRow } from '../audit/read-audit-row';
import type { Database } from '../db/schema';
import { recordAnalytics } from './record-analytics';

/** How far a backfill has gone: tickets given facts so far. */
export interface BackfillProgress {
  readonly filled: number;
}

/**
 * Gives the tickets that have no analytics facts (created before the rollups existed, migration
 * 0016) their facts and flow counters, by feeding each ticket's whole audit history to the same
 * `recordAnalytics` the live writes use, a batch of tickets per transaction with their rows
 * locked. Idempotent: a ticket with facts is never counted twice.
 *
 * Runs at start before the workers (a live write to a ticket without facts would give it facts
 * from that write alone, and the backfill would then pass it by). What history cannot tell is
 * not made up: rule-quality marks need the ticket's state before each person's change, which the
 * audit log does not keep, so older tickets count no misroute or correction.
 * @example const filled = await backfillAnalytics(db, { onBatch: (p) => log(p.filled) });
 */
export async function backfillAnalytics(
  db: Kysely<Database>,
  options: { readonly batchSize?: number; readonly onBatch?: (progress: BackfillProgress) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let after = '';
  let filled = 0;
  for (;;) {
    const ids = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('tickets as t')
        .select('t.id')
        .where('t.id', '>', after)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('analytics_tickets as a').select('a.ticket_id').whereRef('a.ticket_id', '=', 't.id'))),
        )
        .orderBy('t.id')
        .limit(batchSize)
        .forUpdate()
        .execute();
      const batch = rows.map((r) => r.id);
      if (batch.length === 0) return batch;
      const history = await trx
        .selectFrom('audit_entries')
        .select(AUDIT_ENTRY_COLUMNS)
        .where('ticket_id', 'in', batch)
        .orderBy('row_id')
        .orderBy('ordinal')
        .execute();
      await recordAnalytics(
        trx,
        history.map((row) => readAuditRow(row)),
        undefined,
      );
      return batch;
    });
    const last = ids.at(-1);
    if (last === undefined) return filled;
    after = last;
    filled += ids.length;
    options.onBatch?.({ filled });
  }
}
