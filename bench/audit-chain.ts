import { recordAudit } from '@switchyard/runtime';
import { testPostgres } from '@switchyard/runtime/testing';
import { sql } from 'kysely';
import { type BenchRow, fmtMs, fmtRate } from './report';

const APPENDS = 400;
const AT = new Date('2026-06-01T01:00:00Z');

/** p-th percentile of sorted figures. */
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * What the audit hash chain costs on PostgreSQL: `APPENDS` one-entry transactions by `clients`
 * concurrent writers, through `recordAudit` (head row locked, hash computed, head updated) and,
 * for comparison, a bare insert of the same row (what an append cost before the chain).
 */
export async function benchAuditChain(): Promise<BenchRow[]> {
  const store = await testPostgres.open();
  const rows: BenchRow[] = [];
  try {
    for (const clients of [1, 8]) {
      for (const mode of ['bare insert', 'chained'] as const) {
        const latencies: number[] = [];
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: clients }, async () => {
            while (next < APPENDS) {
              const i = next++;
              const t0 = performance.now();
              await store.db.transaction().execute(async (trx) => {
                if (mode === 'chained') {
                  await recordAudit(trx, {
                    at: AT,
                    actor: 'bench',
                    ticketId: null,
                    flowId: `f${i}`,
                    kind: 'flow.created',
                    detail: { name: `n${i}` },
                  });
                } else {
                  const detail = JSON.stringify({ $v: 1, name: `n${i}` });
                  await sql`insert into audit_log (at, actor, flow_id, kind, detail) values (${AT}, 'bench', ${`f${i}`}, 'flow.created', ${detail}::jsonb)`.execute(
                    trx,
                  );
                }
              });
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const bench = `audit append, ${mode} (PostgreSQL, ${clients} writer${clients > 1 ? 's' : ''})`;
        rows.push({ bench, metric: 'appends/s', value: fmtRate(APPENDS / seconds, '/s') });
        rows.push({
          bench,
          metric: 'transaction p50 / p99',
          value: `${fmtMs(percentile(latencies, 50))} / ${fmtMs(percentile(latencies, 99))}`,
        });
      }
    }
  } finally {
    await store.close();
  }
  return rows;
}
