import { pathToFileURL } from 'node:url';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  checkRollouts,
  createFlow,
  createManualClock,
  flowMetrics,
  publishVersion,
  type RuntimeContext,
  saveDraft,
  setRollout,
} from '@switchyard/runtime';
import { testPostgres } from '@switchyard/runtime/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { summarise } from './measure';
import { type BenchRow, fmtMs } from './report';

const FLOW = 'guardrail-scale';
const SIZES = [5_000, 100_000] as const;
const ROUNDS = 15;
/** Flat: the check at the larger size within this factor of the smaller one. */
const FLAT_FACTOR = 2;

function scaleFlow(category: string) {
  const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config, position: { x: 0, y: 0 } });
  return {
    id: FLOW,
    name: 'Guardrail scale',
    description: '',
    nodes: [node('start', 'ticket_created'), node('categorize', 'set_category', { category })],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'categorize' }],
  };
}

/**
 * Tickets with their bindings and outcomes, written in bulk by SQL (not through the worker):
 * one in ten on the candidate; both versions err, escalate and breach at the same rates, so
 * the guardrail is evaluated on every check and never trips.
 */
async function addTickets(ctx: RuntimeContext, from: number, to: number): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await sql`
      insert into tickets (id, number, channel, subject, body, customer_id, order_id, category, priority, status, "group", assignee, tags, flags, escalation_level, stats, created_at, updated_at, wake_at)
      select 'g' || i, 'G' || i, 'chat', '', '', 'c1', null, null, 'normal', case when i % 3 = 0 then 'resolved' else 'new' end, null, null, '[]', '[]', 0, '{}', ${at}, ${at}, null
      from generate_series(${from}::int, ${to - 1}::int) i`.execute(trx);
    await sql`
      insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
      select 'g' || i, ${FLOW}, case when i % 10 = 0 then 2 else 1 end, null, '{}', ${at} from generate_series(${from}::int, ${to - 1}::int) i`.execute(
      trx,
    );
    await sql`
      insert into ticket_outcomes (ticket_id, flow_id, version, started_at, completed_at, errored_at, escalated_at, sla_breached_at, first_response_at, resolved_at)
      select 'g' || i, ${FLOW}, case when i % 10 = 0 then 2 else 1 end, ${at},
        case when i % 3 = 0 then ${at}::timestamptz + interval '2 hours' end,
        case when i % 50 = 7 then ${at}::timestamptz + interval '5 minutes' end,
        case when i % 20 = 3 then ${at}::timestamptz + interval '1 hour' end,
        case when i % 20 = 3 then ${at}::timestamptz + interval '1 hour' end,
        case when i % 2 = 0 then ${at}::timestamptz + (i % 600) * interval '1 second' end,
        case when i % 3 = 0 then ${at}::timestamptz + (i % 7200) * interval '1 second' end
      from generate_series(${from}::int, ${to - 1}::int) i`.execute(trx);
  });
  // Settled before timing: no autovacuum of the fresh rows running beside the checks.
  await sql`vacuum analyze ticket_outcomes, flow_version_outcomes, ticket_flows, tickets`.execute(ctx.db);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function medianOf(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await timed(run));
  return summarise(samples).median;
}

/**
 * On the real PostgreSQL: one guardrail check (checkRollouts: the counters of two versions)
 * and GET metrics' work (the outcome rows, for medians and intervals) at 5,000 tickets and
 * again at 100,000. The check reads per-version counters, so it must stay flat; metrics
 * read every bound ticket's outcome row and grow with them.
 */
export async function benchGuardrailScale(): Promise<BenchRow[]> {
  const store = await testPostgres.open();
  try {
    const ctx: RuntimeContext = {
      db: store.db,
      registry: createNodeRegistry(builtinNodes),
      clock: createManualClock('2026-06-01T09:00:00+08:00'),
      logger: pino({ level: 'silent' }),
    };
    await createFlow(ctx, { name: 'Guardrail scale', document: scaleFlow('old') }, 'bench');
    await publishVersion(ctx, FLOW, 'bench');
    await saveDraft(ctx, FLOW, scaleFlow('new'), 'bench');
    await publishVersion(ctx, FLOW, 'bench');
    await setRollout(
      ctx,
      FLOW,
      {
        stable: 1,
        candidate: 2,
        percent: 10,
        guardrails: [
          { metric: 'errorRate', worseThanStableBy: 5, minTickets: 10 },
          { metric: 'slaBreachRate', above: 50, minTickets: 10 },
        ],
      },
      'bench',
    );
    await store.db.insertInto('customers').values({ id: 'c1', name: '', tier: 'standard', contact: null }).execute();

    const bench = 'guardrails (PostgreSQL)';
    const rows: BenchRow[] = [];
    const checks: number[] = [];
    let bound = 0;
    for (const size of SIZES) {
      await addTickets(ctx, bound, size);
      bound = size;
      const check = await medianOf(async () => {
        const result = await checkRollouts(ctx);
        if (result.rolledBack.length > 0) throw new Error('the bench guardrail tripped: its rates must stay equal');
      });
      checks.push(check);
      const metrics = await medianOf(() => flowMetrics(ctx, FLOW));
      const first = checks[0] ?? check;
      const label = size.toLocaleString('en-US');
      rows.push(
        size === SIZES[0]
          ? {
              bench,
              metric: `guardrail check, ${label} tickets (median of ${ROUNDS})`,
              value: fmtMs(check),
              target: 'reference for flat',
              pass: true,
            }
          : {
              bench,
              metric: `guardrail check, ${label} tickets (median of ${ROUNDS})`,
              value: fmtMs(check),
              target: `<= ${FLAT_FACTOR}x the ${SIZES[0].toLocaleString('en-US')} figure (${fmtMs(FLAT_FACTOR * first)})`,
              pass: check <= FLAT_FACTOR * first,
            },
        { bench, metric: `GET metrics work, ${label} tickets, 2 versions (median of ${ROUNDS})`, value: fmtMs(metrics) },
      );
    }
    return rows;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { renderTable } = await import('./report');
  console.log(renderTable(await benchGuardrailScale()));
}
