import { pathToFileURL } from 'node:url';
import type { TestHttpServer } from '@switchyard/nodes/testing';
import { type Database, openDatabase, type RuntimeContext, type SampleTicket, systemClock } from '@switchyard/runtime';
import { createTestSchema, testPostgresUrl } from '@switchyard/runtime/testing';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import pino from 'pino';
import { startWorkerProcesses, type WorkerStats } from '../test/scale/worker-processes';
import { PGBENCH_WRITES, type PgbenchResult, runPgbench, type WriteSamples } from './durable-pgbench';
import { benchRegistry, openSampleTickets, sampleTickets, seedBenchExamples, startServices } from './durable-workload';
import { type LatencyResult, measureLatency } from './durable-latency';
import { type BenchRow, fmtMs, fmtRate, renderTable } from './report';
import { describeWaitEvents, sampleWaitEvents, type WaitEvents } from './wait-events';

const TICKETS = Number(process.env.DURABLE_BENCH_TICKETS ?? 2_000);
const WORKERS = 2;
/** Rounds at once in each worker process (DURABLE_BENCH_LOOPS; the server runs 2 on PostgreSQL): 1 keeps the figures comparable with earlier runs. */
const LOOPS = Number(process.env.DURABLE_BENCH_LOOPS ?? 1);
/** Fixed batches as before issue 22's latency work, then the adaptive batch (up to 64) the worker now uses. */
const ALL_RUNS = [
  { batchSize: 16, adaptive: false },
  { batchSize: 64, adaptive: false },
  { batchSize: 64, adaptive: true },
] as const;
/** DURABLE_BENCH_RUNS picks runs by label for a quick look, e.g. `64,a64` (a: adaptive); default all. */
const RUNS = ALL_RUNS.filter((r) => {
  const only = process.env.DURABLE_BENCH_RUNS?.split(',');
  return !only || only.includes(`${r.adaptive ? 'a' : ''}${r.batchSize}`);
});
const PGBENCH_SECONDS = 8;
/** The scale-out curve: worker processes on one PostgreSQL, at the batch the worker uses by default in production. */
const SCALE_PROCESSES = (process.env.DURABLE_BENCH_SCALE ?? '1,2,3').split(',').filter(Boolean).map(Number);
const SCALE_RUN = { batchSize: 64, adaptive: true } as const;
const SCALE_TARGET = 2;
/** How long the latency phase posts messages, and at what share of the measured drain rate (issue 22: half the maximum). */
const LATENCY_SECONDS = 6;
const LATENCY_LOAD = 0.5;
const LATENCY_P50_TARGET_MS = 5;
const LATENCY_P99_TARGET_MS = 25;
const TARGET_RATIO = 0.8;

interface DurableRun {
  readonly batchSize: number;
  readonly processes: number;
  readonly adaptive: boolean;
  readonly preload: { tickets: number; events: number; seconds: number };
  /** Events (ticket_events rows, effect results included) applied while draining the backlog. */
  readonly drained: number;
  readonly drainSeconds: number;
  readonly eventsPerSecond: number;
  /** Rows the workers wrote per applied event, by statement and table (whole run). */
  readonly writes: Readonly<Record<string, number>>;
  /** Absent for a scale-out run (throughput only). */
  readonly latency: LatencyResult | undefined;
  /** What the run's database sessions waited on while draining the backlog, and during the latency phase. */
  readonly waits: { readonly drain: WaitEvents; readonly latency: WaitEvents | undefined };
  readonly workers: readonly WorkerStats[];
  readonly problems: string;
  readonly samples: WriteSamples;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function backlog(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select (select count(*) from ticket_events where applied_at is null)
         + (select count(*) from outbox where status in ('pending', 'running')) as n`.execute(db);
  return Number(rows[0]!.n);
}

async function waitUntilDrained(db: Kysely<Database>, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while ((await backlog(db)) > 0) {
    if (Date.now() > deadline) throw new Error(`durable bench: backlog not drained after ${deadlineMs} ms`);
    await sleep(25);
  }
}

async function count(db: Kysely<Database>, query: RawBuilder<{ n: string }>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]!.n);
}

/**
 * One durable run on a fresh schema: the ten example flows seeded, TICKETS tickets opened
 * from the sample tickets with their scripted events (no worker running), then WORKERS
 * worker processes released on the backlog at once (every ticket's wake_at is held back
 * until they are ready): events applied per second until nothing is left. Then messages
 * are posted at half that rate for a few seconds while the workers run, and each
 * one's latency is measured (see measureLatency).
 */
async function durableRun(
  { batchSize, adaptive }: (typeof ALL_RUNS)[number],
  services: TestHttpServer,
  samples: readonly SampleTicket[],
  { processes = WORKERS, latencyPhase = true }: { processes?: number; latencyPhase?: boolean } = {},
): Promise<DurableRun> {
  const scratch = await createTestSchema();
  // The run's sessions (this process's and its workers') carry its name in pg_stat_activity, for the wait-event sampler.
  const applicationName = `bench_${scratch.schema}`;
  const savedAppName = process.env.PGAPPNAME;
  process.env.PGAPPNAME = applicationName;
  const store = await openDatabase({ url: testPostgresUrl(), schema: scratch.schema, maxConnections: 8 });
  const db = store.db;
  const ctx: RuntimeContext = {
    db,
    registry: benchRegistry,
    clock: systemClock,
    logger: pino({ level: 'warn' }),
    httpAllow: [services.host],
  };
  let workers: Awaited<ReturnType<typeof startWorkerProcesses>> = [];
  try {
    await seedBenchExamples(ctx, services.url);
    const preloadStart = performance.now();
    const { ids, posted } = await openSampleTickets(ctx, samples, TICKETS, 8);
    const preloadSeconds = (performance.now() - preloadStart) / 1000;
    await sql`update tickets set wake_at = null`.execute(db);
    workers = await startWorkerProcesses(processes, scratch.schema, {
      SCALE_BATCH_SIZE: String(batchSize),
      SCALE_ADAPTIVE_BATCH: adaptive ? '1' : '0',
      SCALE_LOOPS: String(LOOPS),
      SCALE_POLL_MS: '100',
      SCALE_MAX_CONNECTIONS: '6',
      SWITCHYARD_HTTP_ALLOW: services.host,
    });

    const drainWaits = await sampleWaitEvents(applicationName);
    const released = performance.now();
    await sql`update tickets set wake_at = now()`.execute(db);
    await waitUntilDrained(db, 300_000);
    const drainSeconds = (performance.now() - released) / 1000;
    const drainWaitEvents = await drainWaits.stop();
    const drained = await count(db, sql`select count(*) as n from ticket_events where applied_at is not null`);
    const eventsPerSecond = drained / drainSeconds;

    // Latency: an open-loop trickle of customer messages on the tickets just processed.
    const latencyWaits = latencyPhase ? await sampleWaitEvents(applicationName) : undefined;
    const latency = latencyPhase
      ? await measureLatency(
          ctx,
          ids,
          Number(process.env.DURABLE_BENCH_LATENCY_RATE ?? 0) || Math.max(10, Math.min(300, Math.round(eventsPerSecond * LATENCY_LOAD))),
          LATENCY_SECONDS,
          (look) => store.listen(`switchyard_tickets_${scratch.schema}`, look),
        )
      : undefined;
    const latencyWaitEvents = await latencyWaits?.stop();
    await waitUntilDrained(db, 60_000);

    const { rows: faults } = await sql<{ kind: string; n: string }>`
      select kind, count(*) as n from audit_entries where kind in ('ticket.fault', 'flow.error', 'effect.dead', 'effect.retry') group by kind`.execute(
      db,
    );
    const stats = await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    return {
      batchSize,
      adaptive,
      processes,
      preload: { tickets: ids.length, events: ids.length + posted, seconds: preloadSeconds },
      drained,
      drainSeconds,
      eventsPerSecond,
      writes: writesPerEvent(stats),
      latency,
      waits: { drain: drainWaitEvents, latency: latencyWaitEvents },
      workers: stats,
      problems: faults.map((f) => `${f.n} ${f.kind}`).join(', ') || 'none',
      samples: await writeSamples(db),
    };
  } finally {
    await Promise.all(workers.map((w) => w.kill()));
    await store.close();
    await scratch.drop();
    if (savedAppName === undefined) delete process.env.PGAPPNAME;
    else process.env.PGAPPNAME = savedAppName;
  }
}

/** Typical rows the run wrote (a median-sized snapshot and outbox request), for pgbench to write alike. */
async function writeSamples(db: Kysely<Database>): Promise<WriteSamples> {
  const median = async (query: RawBuilder<{ v: string }>) => (await query.execute(db)).rows[0]?.v ?? '{}';
  return {
    stats: await median(
      sql`select stats::text as v from tickets order by length(stats::text) offset (select count(*) / 2 from tickets) limit 1`,
    ),
    snapshot: await median(
      sql`select snapshot::text as v from ticket_flows where snapshot is not null order by length(snapshot::text) offset (select count(*) / 2 from ticket_flows where snapshot is not null) limit 1`,
    ),
    outboxRequest: await median(
      sql`select request::text as v from outbox order by length(request::text) offset (select count(*) / 2 from outbox) limit 1`,
    ),
    ...(await medianPackedRow(db)),
  };
}

/** The median-sized packed audit row (the entries one ticket's batch wrote), with its kinds and flows as array literals. */
async function medianPackedRow(db: Kysely<Database>): Promise<Pick<WriteSamples, 'auditDetail' | 'auditKinds' | 'auditFlows'>> {
  const { rows } = await sql<{ detail: string; kinds: string; flows: string | null }>`
    select detail::text as detail, kinds::text as kinds, flows::text as flows from audit_log where kind = 'packed'
    order by length(detail::text) offset (select count(*) / 2 from audit_log where kind = 'packed') limit 1`.execute(db);
  const row = rows[0];
  return { auditDetail: row?.detail ?? '{}', auditKinds: row?.kinds ?? '{}', auditFlows: row?.flows ?? '{}' };
}

/** Rows written per applied event, summed over the workers, largest first. */
function writesPerEvent(stats: readonly WorkerStats[]): Record<string, number> {
  const applied = stats.reduce((n, s) => n + s.applied, 0);
  const totals = new Map<string, number>();
  for (const s of stats) for (const [write, rows] of Object.entries(s.writes)) totals.set(write, (totals.get(write) ?? 0) + rows);
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([write, rows]) => [write, rows / applied]));
}

const label = (run: Pick<DurableRun, 'batchSize' | 'adaptive'>) =>
  run.adaptive ? `adaptive batch <= ${run.batchSize}` : `batch ${run.batchSize}`;

const p50p99 = (p: { p50: number; p99: number }) => `p50 ${fmtMs(p.p50)} p99 ${fmtMs(p.p99)}`;

function describeLatency(latency: LatencyResult, waits: WaitEvents | undefined): string {
  const { post, untilClaimed, batchAndCommit } = latency.breakdown;
  return (
    `latency at ${latency.rate} messages/s for ${LATENCY_SECONDS} s: post -> applied as a client sees it ${p50p99(latency.observed)} ` +
    `(the post's round trip ${p50p99(post)}; answered -> claimed by a worker's round ${p50p99(untilClaimed)}; round start -> seen applied ${p50p99(batchAndCommit)}), ` +
    (waits ? `database sessions meanwhile: ${describeWaitEvents(waits)}, ` : '') +
    `applied_at - at p50 ${fmtMs(latency.recorded.p50)} p99 ${fmtMs(latency.recorded.p99)} (all ${latency.allEvents} events of the window incl. effect results: p50 ${fmtMs(latency.allRecorded.p50)} p99 ${fmtMs(latency.allRecorded.p99)})`
  );
}

function describeRun(run: DurableRun): string {
  return (
    `durable ${label(run)}: ${run.preload.tickets} tickets + ${run.preload.events - run.preload.tickets} scripted events queued in ${run.preload.seconds.toFixed(1)} s; ` +
    `${run.processes} worker processes (${LOOPS} loop${LOOPS === 1 ? '' : 's'} each) applied ${run.drained} events (effect results included) in ${run.drainSeconds.toFixed(1)} s = ${fmtRate(run.eventsPerSecond, 'events/s')}; ` +
    `rows written per event: ${Object.entries(run.writes)
      .map(([write, n]) => `${write} ${n.toFixed(2)}`)
      .join(', ')}; ` +
    (run.latency ? `${describeLatency(run.latency, run.waits.latency)}; ` : '') +
    `database sessions while draining: ${describeWaitEvents(run.waits.drain)}; ` +
    `faults: ${run.problems}; per worker: ${run.workers.map((w) => `${w.applied} events in ${w.batches} batches, ${w.settled} effects`).join(' / ')}`
  );
}

/**
 * Benchmark 3: the durable runtime on the real PostgreSQL, the ten example flows, two worker
 * processes, at batch sizes 16 and 64, beside pgbench running one event's writes per
 * transaction on the same database in the same run (after each durable run; the mean is
 * the baseline). DURABLE_BENCH_TICKETS sets the backlog (default 2,000 tickets).
 */
export async function benchDurable(): Promise<BenchRow[]> {
  const services = await startServices();
  const samples = sampleTickets();
  const runs: DurableRun[] = [];
  const pgbench: PgbenchResult[] = [];
  const scale: DurableRun[] = [];
  try {
    for (const spec of RUNS) {
      const run = await durableRun(spec, services, samples);
      console.log(describeRun(run));
      runs.push(run);
      const result = await runPgbench(run.samples, WORKERS, PGBENCH_SECONDS);
      console.log(
        `pgbench (${PGBENCH_WRITES}; ${WORKERS} clients, ${PGBENCH_SECONDS} s): ${fmtRate(result.tps, 'tps')}, latency average ${fmtMs(result.latencyMs)}`,
      );
      pgbench.push(result);
    }
    // The scale-out curve (issue 22 target 7): the same backlog drained by 1, 2 and 3 processes, throughput only.
    for (const processes of SCALE_PROCESSES) {
      const run = await durableRun(SCALE_RUN, services, samples, { processes, latencyPhase: false });
      console.log(describeRun(run));
      scale.push(run);
    }
  } finally {
    await services.close();
  }
  const pgTps = pgbench.reduce((n, r) => n + r.tps, 0) / pgbench.length;
  const best = runs.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
  console.log(
    `durable: ${label(best)} drained fastest in this run (${runs.map((r) => `${label(r)}: ${fmtRate(r.eventsPerSecond, 'events/s')}`).join(', ')})`,
  );
  const bench = 'durable, the example flows, PostgreSQL';
  return [
    { bench, metric: `pgbench, one event's writes per tx (mean of ${pgbench.length})`, value: fmtRate(pgTps, 'tps') },
    ...runs.flatMap((run): BenchRow[] => [
      { bench, metric: `durable, ${WORKERS} workers, ${label(run)}`, value: fmtRate(run.eventsPerSecond, 'events/s') },
      {
        bench,
        metric: `ratio durable / pgbench, ${label(run)}`,
        value: `${(run.eventsPerSecond / pgTps).toFixed(2)}x`,
        target: `>= ${TARGET_RATIO}x`,
        pass: run.eventsPerSecond / pgTps >= TARGET_RATIO,
      },
    ]),
    ...runs.flatMap(({ latency, ...run }) =>
      latency
        ? [
            {
              bench,
              metric: `event latency p50 / p99 at ${LATENCY_LOAD * 100}% of the drain rate, ${label(run)} (post -> applied)`,
              value: `${fmtMs(latency.observed.p50)} / ${fmtMs(latency.observed.p99)}`,
              target: `<= ${LATENCY_P50_TARGET_MS} ms / <= ${LATENCY_P99_TARGET_MS} ms`,
              pass: latency.observed.p50 <= LATENCY_P50_TARGET_MS && latency.observed.p99 <= LATENCY_P99_TARGET_MS,
            },
          ]
        : [],
    ),
    ...scaleOutRows(bench, scale),
  ];
}

/** Events/s per process count, and 3 processes against 1 beside its target (2x). */
function scaleOutRows(bench: string, scale: readonly DurableRun[]): BenchRow[] {
  const one = scale.find((r) => r.processes === 1);
  return scale.flatMap((run): BenchRow[] => {
    const rate: BenchRow = {
      bench,
      metric: `scale-out: ${run.processes} worker process${run.processes === 1 ? '' : 'es'}, ${label(run)}`,
      value: fmtRate(run.eventsPerSecond, 'events/s'),
    };
    if (!one || run.processes === 1) return [rate];
    const ratio = run.eventsPerSecond / one.eventsPerSecond;
    return [
      rate,
      {
        bench,
        metric: `scale-out: ${run.processes} processes / 1`,
        value: `${ratio.toFixed(2)}x`,
        ...(run.processes === 3 ? { target: `>= ${SCALE_TARGET}x`, pass: ratio >= SCALE_TARGET } : {}),
      },
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchDurable();
  console.log(`\n${renderTable(rows)}`);
}
