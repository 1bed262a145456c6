import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '@switchyard/runtime';
import { createTestSchema, testPostgresUrl } from '@switchyard/runtime/testing';
import { sql } from 'kysely';

const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';
const TICKETS = 2_000;
const FLOWS = 10;
const EVENTS = 40_000;

/** Real values from a durable run, so pgbench writes rows of the same size. */
export interface WriteSamples {
  readonly stats: string;
  readonly snapshot: string;
  readonly outboxRequest: string;
  /** A median packed audit row (migration 0033): the event applied, its transitions and actions as one row. */
  readonly auditDetail: string;
  readonly auditKinds: string;
  readonly auditFlows: string;
}

export interface PgbenchResult {
  readonly tps: number;
  readonly latencyMs: number;
  readonly transactions: number;
}

/** What one pgbench transaction writes, for the report. */
export const PGBENCH_WRITES =
  '1 tickets update, 1 ticket_flows snapshot update, 1 packed audit_log row, 1 outbox row, 1 ticket_events update';

const literal = (json: string) => `'${json.replaceAll("'", "''")}'`;

/**
 * The writes the runtime makes for one applied event, as one pgbench transaction on the real
 * tables (with their indexes, the audit trigger and the foreign keys): the ticket row, one
 * flow's snapshot, the one audit row that carries the event applied with its transitions and
 * actions (a packed row of median size, as the runtime writes since migration 0033; three rows
 * before), one outbox row, and marking the event applied. Variables are prefixed so no `:name` inside the JSON
 * literals is taken for one (pgbench substitutes only variables it knows).
 */
function script(s: WriteSamples): string {
  const t = `'b' || :bench_t`;
  const f = `'f' || :bench_f`;
  return [
    `\\set bench_t random(1, ${TICKETS})`,
    `\\set bench_f random(1, ${FLOWS})`,
    `\\set bench_e random(1, ${EVENTS})`,
    'BEGIN;',
    `UPDATE tickets SET category = 'logistics', priority = 'normal', status = 'processing', "group" = 'logistics', assignee = 'li-na', tags = '["vip"]', flags = '[]', escalation_level = 0, stats = ${literal(s.stats)}, updated_at = now(), wake_at = NULL WHERE id = ${t};`,
    `UPDATE ticket_flows SET snapshot = ${literal(s.snapshot)}, visits = '{"node":1}', updated_at = now() WHERE ticket_id = ${t} AND flow_id = ${f};`,
    `INSERT INTO audit_log (at, actor, ticket_id, flow_id, kind, detail, kinds, flows) VALUES (now(), 'runtime', ${t}, NULL, 'packed', ${literal(s.auditDetail)}, ${literal(s.auditKinds)}, ${literal(s.auditFlows)});`,
    `INSERT INTO outbox (ticket_id, flow_id, version, node_id, idempotency_key, request, status, attempts, next_attempt_at, created_at) VALUES (${t}, ${f}, 1, 'node', gen_random_uuid()::text, ${literal(s.outboxRequest)}, 'pending', 0, now(), now());`,
    `UPDATE ticket_events SET applied_at = now() WHERE id = :bench_e;`,
    'COMMIT;',
    '',
  ].join('\n');
}

/**
 * Runs pgbench with that transaction on a scratch schema of the same database (migrated,
 * filled with 2,000 tickets x 10 flow runs and 40,000 events), `clients` connections for
 * `seconds`, and returns its tps. The scratch schema is dropped afterwards.
 */
export async function runPgbench(samples: WriteSamples, clients: number, seconds: number): Promise<PgbenchResult> {
  const scratch = await createTestSchema();
  const store = await openDatabase({ url: testPostgresUrl(), schema: scratch.schema, maxConnections: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-pgbench-'));
  try {
    await sql`insert into customers (id, name, tier) values ('c', 'Customer', 'standard')`.execute(store.db);
    await sql`insert into flows (id, name, description, draft, created_at, updated_at) select 'f' || g, 'f', '', '{}', now(), now() from generate_series(1, ${FLOWS}) g`.execute(
      store.db,
    );
    await sql`insert into flow_versions (flow_id, version, document, compiled, author, created_at) select 'f' || g, 1, '{}', '{}', null, now() from generate_series(1, ${FLOWS}) g`.execute(
      store.db,
    );
    await sql`insert into tickets (id, number, channel, subject, body, customer_id, priority, status, tags, flags, escalation_level, stats, created_at, updated_at, wake_at)
      select 'b' || g, 'N' || g, 'chat', 'subject', 'body', 'c', 'normal', 'new', '[]', '[]', 0, ${samples.stats}::jsonb, now(), now(), null from generate_series(1, ${TICKETS}) g`.execute(
      store.db,
    );
    await sql`insert into ticket_flows (ticket_id, flow_id, version, snapshot, visits, updated_at)
      select 'b' || t, 'f' || f, 1, ${samples.snapshot}::jsonb, '{}', now() from generate_series(1, ${TICKETS}) t, generate_series(1, ${FLOWS}) f`.execute(
      store.db,
    );
    await sql`insert into ticket_events (ticket_id, type, payload, at)
      select 'b' || ((g % ${TICKETS}) + 1), 'customer.message', '{"type":"customer.message","body":"还没发货吗？"}', now() from generate_series(1, ${EVENTS}) g`.execute(
      store.db,
    );
    await sql`analyze`.execute(store.db);
    const file = join(dir, 'event.sql');
    writeFileSync(file, script(samples));
    const { stdout } = await promisify(execFile)(
      PGBENCH,
      ['-n', '-f', file, '-c', String(clients), '-j', String(clients), '-T', String(seconds), testPostgresUrl()],
      {
        env: { ...process.env, PGOPTIONS: `-c search_path=${scratch.schema}` },
      },
    );
    const tps = /tps = ([\d.]+)/.exec(stdout);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    const processed = /number of transactions actually processed: (\d+)/.exec(stdout);
    const failed = /number of failed transactions: (\d+)/.exec(stdout);
    if (!tps || !processed) throw new Error(`pgbench printed no tps:\n${stdout}`);
    if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: ${failed[1]} transactions failed:\n${stdout}`);
    return { tps: Number(tps[1]), latencyMs: latency ? Number(latency[1]) : Number.NaN, transactions: Number(processed[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
    await scratch.drop();
  }
}
