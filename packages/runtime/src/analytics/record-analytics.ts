import type { Compilable, Kysely } from 'kysely';
import type { AuditEntry } from '../audit/audit-entry';
import type { Database } from '../db/schema';
import { sendTogether } from '../db/send-together';
import { nextFacts, type StoredFacts, ticketFactsOf, ticketFactsQueries } from './next-facts';
import { flowCounterReads, flowCounterWrites } from './flow-counters';
import { contributions, negated, sumContributions } from './ticket-facts';
import { rollupShard } from './rollup-shard';
import { sameFacts } from './same-facts';
import { dailyUpsert, factsUpsert } from './write-rollups';

/**
 * Brings the analytics rollups up to date with a batch of audit entries, in the transaction
 * that writes them (called by `recordAudit`, so a rollback leaves both untouched): the facts of
 * each ticket the entries name (refreshed from the ticket and its outcomes), the daily counts
 * by the difference of old and new facts, and the per-flow counters from the flow's entries.
 * Runs after the change's other writes (the ticket's row is already current) and before the
 * audit chain's head lock. Two round trips: the reads (after `first`, the outcomes' update
 * they depend on), then every write, one statement per table.
 */
export async function recordAnalytics(
  trx: Kysely<Database>,
  entries: readonly AuditEntry[],
  first: Compilable<unknown> | undefined,
): Promise<void> {
  const ticketIds = [...new Set(entries.flatMap((e) => (e.ticketId === null ? [] : [e.ticketId])))].sort();
  if (ticketIds.length === 0) {
    if (first) await trx.executeQuery(first.compile());
    return;
  }
  const facts = ticketFactsQueries(trx, ticketIds);
  const reads = flowCounterReads(trx, entries);
  const [, stored, tickets, bindings, rests] = await sendTogether(trx, (send) =>
    Promise.all([
      first ? send(first) : undefined,
      send(facts.facts),
      send(facts.tickets),
      reads.bindings ? send(reads.bindings) : undefined,
      reads.rests ? send(reads.rests) : undefined,
    ]),
  );
  const { before, current } = ticketFactsOf(stored.rows, tickets.rows);
  // Only the tickets whose facts changed: the others would write their row as it is and add nothing to the days.
  const changed: StoredFacts[] = [];
  const marks: { ticketId: string; flowId: string; nodeId: string; mark: 'misroute' | 'corrected'; at: Date }[] = [];
  const byTicket = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    if (e.ticketId === null) continue;
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  }
  for (const id of ticketIds) {
    const now = current.get(id);
    if (!now) continue;
    const old = before.get(id);
    const next = nextFacts(old, now, byTicket.get(id) ?? []);
    if (!sameFacts(old, next.facts)) changed.push(next.facts);
    marks.push(...next.marks);
  }
  const delta = sumContributions(
    changed.flatMap((f) => {
      const old = before.get(f.ticketId);
      return old ? [...negated(contributions(old)), ...contributions(f)] : contributions(f);
    }),
  );
  // The day's rollup rows are shared by every writer: this batch adds to one shard of them.
  const shard = rollupShard(ticketIds);
  const writes = [
    factsUpsert(trx, changed),
    dailyUpsert(trx, delta, shard),
    ...flowCounterWrites(trx, entries, marks, bindings?.rows ?? [], rests?.rows ?? [], shard),
  ].filter((w) => w !== undefined);
  if (writes.length > 0) await sendTogether(trx, (send) => Promise.all(writes.map((w) => send(w))));
}
