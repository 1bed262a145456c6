import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { compileFlow } from '@switchyard/compiler';
import { builtinNodes, createNodeRegistry, Roster } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import {
  createManualClock,
  createWorker,
  dryRun,
  getTicket,
  parseTicketsFile,
  type RuntimeContext,
  seedExamples,
  ticketTrace,
} from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveTicket } from './drive-ticket';
import { traceMismatches } from './trace-mismatches';

/*
 * The durable runtime and the dry-run share one engine; this proves they agree. Every
 * sample ticket of the examples is played through the example flows on the real
 * database (events posted at their times, timers fired by the worker on a manual clock,
 * side effects delivered from the outbox to a local HTTP server standing in for the
 * logistics and billing services, answering what the flows' sample responses say) and
 * compared with its dry-run: same actions at the same times, same final ticket.
 * Not compared: who a ticket is assigned to (the dry-run's roster carries fixed open-ticket
 * counts; the database counts its real open tickets), and the ticket files written for
 * another roster.
 * The same run proves the trace (issue 18, "Why: the trace"): GET /api/tickets/:id/trace
 * (`ticketTrace`) names, for each condition every ticket passed, its answer and the values
 * behind it, and agrees with the dry-run's path and decisions (`explain: true`).
 */
const examples = join(import.meta.dirname, '../../examples');
const registry = createNodeRegistry([...builtinNodes, billingSuspend]);
const roster = Roster.parse(JSON.parse(readFileSync(join(examples, 'agents.json'), 'utf8')));
const ticketFiles = readdirSync(join(examples, 'tickets')).filter((f) => f.endsWith('.jsonl') && !f.includes('-busy'));
const samples = ticketFiles.flatMap((file) => parseTicketsFile(readFileSync(join(examples, 'tickets', file), 'utf8'), file));

/** What scenario 2's tracking call answers in its flow's sampleResponse. */
const TRACKING_SAMPLE = { status: '运输中 in transit', eta: '2026-01-07', carrier: '顺丰 SF Express' };
const localExamples = mkdtempSync(join(tmpdir(), 'switchyard-examples-'));

/** The examples with the logistics service moved to the local test server. */
function examplesCallingLocally(serviceUrl: string): string {
  cpSync(examples, localExamples, { recursive: true, filter: (from) => !from.includes('node_modules') && !from.includes('custom-nodes') });
  const file = join(localExamples, 'flows', '02-logistics-auto-reply.json');
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('http://127.0.0.1:4010', serviceUrl));
  return localExamples;
}

interface ActionLine {
  readonly flow: string;
  readonly node: string;
  readonly type: string;
  readonly at: string;
}
const byTimeThenName = (a: ActionLine, b: ActionLine) =>
  a.at.localeCompare(b.at) || `${a.flow}/${a.node}`.localeCompare(`${b.flow}/${b.node}`);

describe.each(testDatabases)('durable runs match dry-runs on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let billing: TestHttpServer;
  let ctx: RuntimeContext;
  const clock = createManualClock('2026-01-01T00:00:00Z');
  const savedBillingUrl = process.env.BILLING_URL;

  beforeAll(async () => {
    billing = await startTestHttpServer((request) =>
      request.url.startsWith('/api/v1/tracking/') ? { body: TRACKING_SAMPLE } : { body: { suspended: true } },
    );
    // billing.suspend takes its service URL from BILLING_URL when the flow is compiled (seeded).
    process.env.BILLING_URL = billing.url;
    ctx = { db: store.db, registry, clock, logger: pino({ level: 'silent' }), httpAllow: [billing.host] };
    await seedExamples(ctx, examplesCallingLocally(billing.url));
  });
  afterAll(async () => {
    rmSync(localExamples, { recursive: true, force: true });
    if (savedBillingUrl === undefined) delete process.env.BILLING_URL;
    else process.env.BILLING_URL = savedBillingUrl;
    await billing.close();
  });

  it('for every example ticket', { timeout: 420_000 }, async () => {
    const flows = (await store.db.selectFrom('flow_versions').select('compiled').orderBy('flow_id').execute()).map((r) => r.compiled);
    const documents = readdirSync(join(examples, 'flows'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(examples, 'flows', f), 'utf8')) as unknown);
    const compiled = documents.map((d) => compileFlow(d, registry));
    expect(flows).toHaveLength(compiled.length);
    const worker = createWorker(ctx, { delivery: { backoffMs: 1_000 } });
    const mismatches: string[] = [];
    let conditionsTraced = 0;
    for (const sample of samples) {
      const id = await driveTicket(ctx, clock, worker, sample);
      const [expected] = await dryRun(compiled, [sample], { registry, roster, explain: true });
      const ticket = (await getTicket(store.db, id))!;
      const audited = await store.db
        .selectFrom('audit_entries')
        .select(['flow_id', 'detail', 'at'])
        .where('ticket_id', '=', id)
        .where('kind', '=', 'action')
        .execute();
      const actual = audited
        .map((a) => {
          const detail = a.detail as { node: string; type: string };
          return { flow: a.flow_id!, node: detail.node, type: detail.type, at: a.at.toISOString() };
        })
        .sort(byTimeThenName);
      const wanted = expected!.actions.map(({ flow, node, type, at }) => ({ flow, node, type, at })).sort(byTimeThenName);
      const { assignee: _a, ...finalWanted } = expected!.final;
      const finalActual = {
        status: ticket.status,
        priority: ticket.priority,
        category: ticket.category,
        subcategory: ticket.subcategory,
        group: ticket.group,
        tags: ticket.tags,
        flags: ticket.flags,
      };
      try {
        expect(actual).toEqual(wanted);
        expect(finalActual).toEqual(finalWanted);
      } catch {
        mismatches.push(`${sample.id}: ${JSON.stringify({ actual, wanted, finalActual, finalWanted })}`);
      }
      const traced = traceMismatches(sample.id, await ticketTrace(store.db, id, registry), expected!);
      conditionsTraced += traced.conditions;
      mismatches.push(...traced.mismatches);
    }
    const retries = await store.db.selectFrom('audit_entries').select('detail').where('kind', '=', 'effect.retry').execute();
    expect(retries.map((r) => r.detail)).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(conditionsTraced).toBeGreaterThan(samples.length);
    const suspends = billing.requests.filter((r) => r.url === '/subscriptions/suspend');
    const keys = suspends.map((r) => r.headers['idempotency-key']);
    expect(suspends.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
