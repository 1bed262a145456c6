import { createRequire } from 'node:module';
import { createTicket, importTickets, openDatabase, type RuntimeContext, systemClock } from '@switchyard/runtime';
import { createTestSchema, testPostgresUrl } from '@switchyard/runtime/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { benchRegistry, seedBenchExamples, startServices } from './durable-workload';
import { ticketBodies } from './ticket-creation';

/*
 * Where ticket creation spends its database time: `tsx bench/profile-ticket-creation.ts [tickets]`
 * opens tickets with 8 concurrent createTicket callers, then one bulk import, and prints per
 * statement (first 90 characters) how often it ran and its total client-side time, and per table
 * the rows inserted per ticket (pg_stat_user_tables). Add `--cpu-prof` to node for the JS side;
 * `PROFILE_EXPLAIN=1` runs the bulk import's write statements under EXPLAIN (ANALYZE, BUFFERS) and
 * prints their plans with trigger times (pg_stat_statements is not loaded on the shared server).
 */
// pg is the runtime's dependency, not the bench's: the runtime's own copy, whose Client the pool uses.
const pg = createRequire(new URL('../packages/runtime/package.json', import.meta.url))('pg') as {
  Client: { prototype: { query: (...args: unknown[]) => unknown } };
};
const TICKETS = Number(process.argv[2] ?? 2_000);
const EXPLAIN = process.env.PROFILE_EXPLAIN === '1';
/** Set while the bulk import runs with PROFILE_EXPLAIN: its inserts go through EXPLAIN ANALYZE. */
let explaining = false;
const times = new Map<string, { n: number; ms: number }>();
const query = pg.Client.prototype.query;
// Wraps every query of the pool's clients to time it; the profile's own figures only.
pg.Client.prototype.query = function timed(this: unknown, ...args: unknown[]): unknown {
  const first = args[0];
  const text =
    typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'text' in first ? String(first.text) : '?';
  const key = text.replace(/\s+/g, ' ').slice(0, 90);
  const started = performance.now();
  if (explaining && typeof first === 'string' && /^\s*(with|insert)/.test(first)) {
    const explained: unknown = Reflect.apply(query, this, [`explain (analyze, buffers) ${first}`, ...args.slice(1)]);
    if (explained instanceof Promise)
      void explained.then((r: { rows: { 'QUERY PLAN': string }[] }) =>
        console.log(`\n${key}\n${r.rows.map((row) => row['QUERY PLAN']).join('\n')}`),
      );
    return explained;
  }
  const result: unknown = Reflect.apply(query, this, args);
  if (result instanceof Promise)
    void result
      .finally(() => {
        const t = times.get(key) ?? { n: 0, ms: 0 };
        times.set(key, { n: t.n + 1, ms: t.ms + performance.now() - started });
      })
      .catch(() => undefined);
  return result;
};

async function tableRows(ctx: RuntimeContext): Promise<Map<string, number>> {
  const { rows } = await sql<{ relname: string; n: string }>`
    select relname, n_tup_ins + n_tup_upd as n from pg_stat_user_tables where schemaname = current_schema()`.execute(ctx.db);
  return new Map(rows.map((r) => [r.relname, Number(r.n)]));
}

function report(label: string, count: number, ms: number, before: Map<string, number>, after: Map<string, number>): void {
  console.log(`\n${label}: ${count} tickets in ${ms.toFixed(0)} ms = ${((count / ms) * 1000).toFixed(0)}/s`);
  const sorted = [...times].sort((a, b) => b[1].ms - a[1].ms);
  const total = sorted.reduce((s, [, t]) => s + t.ms, 0);
  for (const [key, t] of sorted.slice(0, 16))
    console.log(
      `${((t.ms / total) * 100).toFixed(1).padStart(5)}% ${String(t.n).padStart(6)}x ${(t.ms / t.n).toFixed(2).padStart(7)} ms  ${key}`,
    );
  const rows = [...after].map(([table, n]) => [table, n - (before.get(table) ?? 0)] as const).filter(([, n]) => n > 0);
  console.log(`rows per ticket (inserted + updated): ${rows.map(([t, n]) => `${t} ${(n / count).toFixed(2)}`).join(', ')}`);
  times.clear();
}

const services = await startServices();
const scratch = await createTestSchema();
const store = await openDatabase({ url: testPostgresUrl(), schema: scratch.schema, maxConnections: 10 });
const ctx: RuntimeContext = { db: store.db, registry: benchRegistry, clock: systemClock, logger: pino({ level: 'warn' }) };
try {
  await seedBenchExamples(ctx, services.url);
  const warm = ticketBodies(200);
  await Promise.all(warm.map((t) => createTicket(ctx, t, 'bench')));
  times.clear();
  const tickets = ticketBodies(TICKETS);
  // pg_stat counters reach the view after the backend reports them (at most every 1 s, on PostgreSQL 15+ at commit too).
  await new Promise((r) => setTimeout(r, 1_100));
  let before = await tableRows(ctx);
  let next = 0;
  let started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < tickets.length) {
        const t = tickets[next++];
        if (t) await createTicket(ctx, t, 'bench');
      }
    }),
  );
  let ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1_100));
  report('createTicket, 8 clients', TICKETS, ms, before, await tableRows(ctx));
  const lines = ticketBodies(5_000)
    .map((t) => JSON.stringify(t))
    .join('\n');
  before = await tableRows(ctx);
  started = performance.now();
  explaining = EXPLAIN;
  await importTickets(ctx, lines, 'bench');
  explaining = false;
  ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1_100));
  report('bulk import of 5,000', 5_000, ms, before, await tableRows(ctx));
} finally {
  await store.close();
  await scratch.drop();
  await services.close();
}
