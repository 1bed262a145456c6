import type { Kysely } from 'kysely';
import type { AuditEntry } from '../audit/audit-entry';
import type { Database } from '../db/schema';
import { loadTicketFacts, nextFacts, type StoredFacts } from './next-facts';
import { recordFlowCounters } from './flow-counters';
import { contributions, negated, sumContributions } from './ticket-facts';
import { writeDaily, writeFacts } from './write-rollups';

/**
 * Brings the analytics rollups up to date with a batch of audit entries, in the transaction
 * that writes them (called by `recordAudit`, so a rollback leaves both untouched): the facts of
 * each ticket the entries name (refreshed from the ticket and its outcomes), the daily counts
 * by the difference of old and new facts, and the per-flow counters from the flow's entries.
 * Runs after the change's other writes (the ticket's row is already current) and before the
 * audit chain's head lock.
 */
export async function recordAnalytics(trx: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  const ticketIds = [...new Set(entries.flatMap((e) => (e.ticketId === null ? [] : [e.ticketId])))].sort();
  if (ticketIds.length === 0) return;
  const { before, current } = await loadTicketFacts(trx, ticketIds);
  const after: StoredFacts[] = [];
  const marks: { ticketId: string; flowId: string; nodeId: string; mark: 'misroute' | 'corrected'; at: Date }[] = [];
  for (const id of ticketIds) {
    const now = current.get(id);
    if (!now) continue;
    const next = nextFacts(
      before.get(id),
      now,
      entries.filter((e) => e.ticketId === id),
    );
    after.push(next.facts);
    marks.push(...next.marks);
  }
  const delta = sumContributions([
    ...[...before.values()].filter((f) => current.has(f.ticketId)).flatMap((f) => negated(contributions(f))),
    ...after.flatMap((f) => contributions(f)),
  ]);
  await writeFacts(trx, after);
  await writeDaily(trx, delta);
  await recordFlowCounters(trx, entries, marks);
}
