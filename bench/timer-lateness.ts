import { FlowDocument } from '@switchyard/flow';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import {
  createFlow,
  createTicket,
  createWorker,
  deployVersion,
  migrateToLatest,
  openDatabase,
  publishVersion,
  type RuntimeContext,
  systemClock,
} from '@switchyard/runtime';
import { testPostgresUrl } from '@switchyard/runtime/testing';
import { loadavg } from 'node:os';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { startWorkerProcesses, type WorkerProcess } from '../test/scale/worker-processes';
import { percentile } from './measure';
import { type BenchRow, fmtMs } from './report';

const DATABASE = 'bench_timers';
const SCHEMA = 'lateness';
const ARMED = Number(process.env.BENCH_TIMERS ?? 1_000_000);
/** The measured slice: timers due during the run, spread evenly over SLICE_SECONDS. */
const SLICE = Number(process.env.BENCH_TIMER_SLICE ?? 3_000);
const SLICE_SECONDS = 30;
const WORKERS = 2;
const TARGET_P99_MS = 1_000;
const FLOW = 'lateness-delay';

/** On creation, wait 30 days, then tag the ticket: one armed timer per ticket, a pure action when it fires. */
const delayFlow = FlowDocument.parse({
  id: FLOW,
  name: 'Timer lateness',
  nodes: [
    { id: 'created', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
    { id: 'wait', type: 'delay', config: { duration: '30d' }, position: { x: 200, y: 0 } },
    { id: 'tag', type: 'add_tag', config: { tag: 'timer_fired' }, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'created-wait', source: 'created', sourceHandle: 'next', target: 'wait' },
    { id: 'wait-tag', source: 'wait', sourceHandle: 'next', target: 'tag' },
  ],
});

function benchUrl(): string {
  const url = new URL(testPostgresUrl());
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/** The bench's own database on the real PostgreSQL (created when absent) and a fresh schema in it. */
async function openBenchSchema() {
  const admin = await openDatabase({ url: testPostgresUrl(), maxConnections: 1 });
  try {
    const found = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${DATABASE}`.execute(admin.db);
    if ((found.rows[0]?.n ?? 0) === 0) await sql.raw(`create database ${DATABASE}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const setup = await openDatabase({ url: benchUrl(), maxConnections: 1 });
  await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(setup.db);
  await setup.close();
  const store = await openDatabase({ url: benchUrl(), schema: SCHEMA, maxConnections: 4 });
  await migrateToLatest(store.db);
  return store;
}

/**
 * One template ticket opened and run through the real worker (its flow now waits on its delay),
 * then copied ARMED - 1 times by SQL, each with its own timer 1 to 30 days ahead.
 */
async function arm(ctx: RuntimeContext): Promise<void> {
  await createFlow(ctx, { name: delayFlow.name, document: delayFlow }, 'bench');
  const { version } = await publishVersion(ctx, FLOW, 'bench');
  await deployVersion(ctx, FLOW, version, 'bench', 0);
  const { id } = await createTicket(ctx, { channel: 'chat', subject: '定时器', body: '定时器', customer: { id: 'TL0' } }, 'bench');
  await createWorker(ctx, { backtests: false }).runUntilIdle();
  const db = ctx.db as unknown as Kysely<never>;
  const columns = (
    await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = ${SCHEMA} and table_name = 'tickets' and is_generated = 'NEVER' and column_name not in ('id', 'number', 'wake_at', 'next_due_at')
      order by ordinal_position`.execute(db)
  ).rows.map((c) => `"${c.name}"`);
  const list = columns.join(', ');
  await sql
    .raw(
      `create temporary table armed as
       select i, 'tl' || i as id, now() + interval '1 day' + (i % 2592000) * interval '1 second' as due from generate_series(1, ${ARMED - 1}) i`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into tickets (id, number, wake_at, next_due_at, ${list})
       select a.id, 'TL' || lpad(a.i::text, 8, '0'), a.due, a.due, ${columns.map((c) => `t.${c}`).join(', ')}
       from armed a, tickets t where t.id = '${id}'`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
       select a.id, f.flow_id, f.version, f.snapshot, f.visits, f.updated_at from armed a, ticket_flows f where f.ticket_id = '${id}'`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into timers (ticket_id, flow_id, timer_id, event_type, due_at)
       select a.id, t.flow_id, t.timer_id, t.event_type, a.due from armed a, timers t where t.ticket_id = '${id}'`,
    )
    .execute(db);
  await sql`drop table armed`.execute(db);
  await sql`analyze`.execute(db);
}

/** Milliseconds the claim query and the idle worker's next-due lookup take at this size (EXPLAIN ANALYZE). */
async function queryCost(db: Kysely<never>): Promise<{ claim: number; nextDue: number }> {
  const time = async (query: string) => {
    const { rows } = await sql<{ 'QUERY PLAN': unknown }>`${sql.raw(`explain (analyze, format json) ${query}`)}`.execute(db);
    const plan = rows[0]?.['QUERY PLAN'];
    const parsed: unknown = typeof plan === 'string' ? JSON.parse(plan) : plan;
    const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
    const ms = typeof first === 'object' && first !== null && 'Execution Time' in first ? first['Execution Time'] : undefined;
    return typeof ms === 'number' ? ms : Number.NaN;
  };
  return {
    claim: await time(`select id from tickets where wake_at <= now() order by wake_at limit 16 for update skip locked`),
    nextDue: await time(`select min(wake_at) from tickets where wake_at is not null`),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 21's timer target on the real PostgreSQL: ARMED armed timers (one per ticket, a delay
 * node's), almost all due days ahead, and a slice of SLICE due during a SLICE_SECONDS window
 * while WORKERS real worker processes run. Lateness of each slice timer: when the bench saw
 * it fired (the ticket has no timer left, polled every 20 ms) minus its due time; and as the
 * worker recorded it (the ticket's updated_at, the start of the round that fired it).
 */
export async function benchTimerLateness(): Promise<BenchRow[]> {
  const store = await openBenchSchema();
  const db = store.db as unknown as Kysely<never>;
  const ctx: RuntimeContext = {
    db: store.db,
    registry: createNodeRegistry(builtinNodes),
    clock: systemClock,
    logger: pino({ level: 'warn' }),
  };
  let workers: WorkerProcess[] = [];
  try {
    const built = performance.now();
    await arm(ctx);
    const buildSeconds = (performance.now() - built) / 1000;
    const armed = Number((await sql<{ n: string }>`select count(*) as n from timers`.execute(db)).rows[0]?.n ?? 0);
    const cost = await queryCost(db);
    workers = await startWorkerProcesses(WORKERS, SCHEMA, {
      SWITCHYARD_TEST_DATABASE_URL: benchUrl(),
      SCALE_MAX_CONNECTIONS: '4',
    });
    // The slice's timers are moved to the window now that the workers are up (the triggers keep next_due_at).
    const start = Date.now() + 3_000;
    await sql
      .raw(
        `with slice as (select id, row_number() over (order by id) - 1 as k from tickets where id like 'tl%' order by id limit ${SLICE}),
         moved as (update timers t set due_at = to_timestamp(${start / 1000} + s.k * ${SLICE_SECONDS}.0 / ${SLICE}) from slice s where t.ticket_id = s.id returning t.ticket_id, t.due_at)
         update tickets t set wake_at = m.due_at from moved m where t.id = m.ticket_id`,
      )
      .execute(db);
    const due = new Map(
      (
        await sql<{
          id: string;
          due: Date;
        }>`select ticket_id as id, due_at as due from timers where due_at < now() + interval '1 hour'`.execute(db)
      ).rows.map((r) => [r.id, new Date(r.due).getTime()]),
    );
    const seen = new Map<string, number>();
    const deadline = start + SLICE_SECONDS * 1000 + 60_000;
    while (seen.size < due.size && Date.now() < deadline) {
      const waiting = [...due.keys()].filter((id) => !seen.has(id) && (due.get(id) ?? 0) <= Date.now() + 50);
      if (waiting.length > 0) {
        const { rows } = await sql<{ id: string }>`select id from tickets where id = any(${waiting}) and wake_at is null`.execute(db);
        const now = Date.now();
        for (const { id } of rows) seen.set(id, now);
      }
      await sleep(20);
    }
    const { rows: recordedRows } = await sql<{ id: string; at: Date }>`
      select id, updated_at as at from tickets where id = any(${[...due.keys()]}) and wake_at is null`.execute(db);
    const observed = [...seen].map(([id, at]) => at - (due.get(id) ?? at)).sort((a, b) => a - b);
    const recorded = recordedRows.map((r) => Math.max(0, new Date(r.at).getTime() - (due.get(r.id) ?? 0))).sort((a, b) => a - b);
    const load = loadavg()[0] ?? 0;
    const p99 = percentile(observed, 99);
    const fired = `${seen.size} of ${due.size} due in ${SLICE_SECONDS} s (${Math.round(due.size / SLICE_SECONDS)}/s), ${armed.toLocaleString('en-US')} armed, ${WORKERS} workers, load ${load.toFixed(1)}`;
    return [
      {
        bench: 'timer-lateness',
        metric: `fired (${fired})`,
        value: String(seen.size),
        target: `${due.size}`,
        pass: seen.size === due.size,
      },
      { bench: 'timer-lateness', metric: 'lateness p50 (seen fired - due)', value: fmtMs(percentile(observed, 50)) },
      {
        bench: 'timer-lateness',
        metric: 'lateness p99 (seen fired - due)',
        value: fmtMs(p99),
        target: `<= ${fmtMs(TARGET_P99_MS)}`,
        pass: p99 <= TARGET_P99_MS,
      },
      {
        bench: 'timer-lateness',
        metric: 'lateness p50 / p99 (round start - due)',
        value: `${fmtMs(percentile(recorded, 50))} / ${fmtMs(percentile(recorded, 99))}`,
      },
      {
        bench: 'timer-lateness',
        metric: 'claim query / next-due lookup at this size',
        value: `${fmtMs(cost.claim)} / ${fmtMs(cost.nextDue)}`,
      },
      { bench: 'timer-lateness', metric: 'arming (bulk insert) time', value: `${buildSeconds.toFixed(1)} s` },
    ];
  } finally {
    await Promise.all(workers.map((w) => w.stop().catch(() => w.kill())));
    await store.close();
    const cleanup = await openDatabase({ url: benchUrl(), maxConnections: 1 });
    await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(cleanup.db);
    await cleanup.close();
  }
}
