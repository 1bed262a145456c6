import { pathToFileURL } from 'node:url';
import {
  createTicket,
  importTickets,
  type NewTicket,
  openDatabase,
  openTickets,
  type RuntimeContext,
  systemClock,
  withMonthSequence,
} from '@switchyard/runtime';
import { createTestSchema, testPostgresUrl } from '@switchyard/runtime/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { benchRegistry, sampleTickets, seedBenchExamples, startServices } from './durable-workload';
import { type BenchRow, fmtRate, renderTable } from './report';

const CLIENTS = 8;
const TICKETS = Number(process.env.CREATION_BENCH_TICKETS ?? 3_000);
const IMPORT_TICKETS = Number(process.env.IMPORT_BENCH_TICKETS ?? 20_000);
const IMPORT_LINES_PER_REQUEST = 5_000;
/** Issue 22's figure for ticket creation before this work (4 clients, the monthly counter row). */
const BEFORE = 514;
const IMPORT_TARGET = 5_000;

/** The sample tickets as `POST /api/tickets` bodies, cycled, with customers spread over 500 ids. */
export function ticketBodies(count: number): NewTicket[] {
  const samples = sampleTickets();
  return Array.from({ length: count }, (_, i) => {
    const s = samples[i % samples.length];
    if (!s) throw new Error('no sample tickets');
    return {
      channel: s.channel,
      subject: s.subject,
      body: s.body,
      customer: { id: `${s.customer.id}-${i % 500}`, name: s.customer.name, tier: s.customer.tier },
      ...(s.orderId ? { orderId: s.orderId } : {}),
    };
  });
}

/** `create` called for every ticket by CLIENTS concurrent clients; tickets per second. */
async function rate(tickets: readonly NewTicket[], create: (ticket: NewTicket) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < tickets.length) await create(tickets[next++]!);
    }),
  );
  return tickets.length / ((performance.now() - started) / 1000);
}

/**
 * Ticket creation on PostgreSQL with the example flows deployed (each ticket bound to every one),
 * CLIENTS concurrent clients, three ways in one run: the path before issue 22 (one ticket per
 * transaction, its number from the month's counter row, whose lock every creator waits for), one
 * ticket per transaction with the month's sequence (migration 0021), and `createTicket` as it is
 * now (concurrent callers' tickets share a transaction). Then the bulk import: IMPORT_TICKETS
 * tickets as JSON lines, IMPORT_LINES_PER_REQUEST per import (parsing and validation included).
 */
export async function benchTicketCreation(): Promise<BenchRow[]> {
  const services = await startServices();
  const scratch = await createTestSchema();
  const store = await openDatabase({ url: testPostgresUrl(), schema: scratch.schema, maxConnections: 10 });
  const ctx: RuntimeContext = { db: store.db, registry: benchRegistry, clock: systemClock, logger: pino({ level: 'warn' }) };
  try {
    await seedBenchExamples(ctx, services.url);
    const tickets = ticketBodies(TICKETS);
    const oneByOne = (counterRow: boolean) => (input: NewTicket) => {
      const now = ctx.clock.now();
      return withMonthSequence(ctx, now, (month) =>
        ctx.db.transaction().execute(async (trx) => {
          if (counterRow)
            await sql`insert into ticket_numbers (month, last) values (${month}, 1) on conflict (month) do update set last = ticket_numbers.last + 1`.execute(
              trx,
            );
          return openTickets(trx, ctx, [{ ticket: { subject: '', body: '', ...input }, actor: 'bench' }], month, now);
        }),
      );
    };
    // A warm-up, so the first measured way does not pay for cold caches and plans.
    await rate(ticketBodies(200), (t) => createTicket(ctx, t, 'bench'));
    const counter = await rate(tickets, oneByOne(true));
    console.log(`ticket creation: counter row ${fmtRate(counter, 'tickets/s')}`);
    const sequence = await rate(tickets, oneByOne(false));
    console.log(`ticket creation: sequence ${fmtRate(sequence, 'tickets/s')}`);
    const batched = await rate(tickets, (t) => createTicket(ctx, t, 'bench'));
    console.log(`ticket creation: batched ${fmtRate(batched, 'tickets/s')}`);

    const lines = ticketBodies(IMPORT_TICKETS).map((t) => JSON.stringify(t));
    const started = performance.now();
    for (let i = 0; i < lines.length; i += IMPORT_LINES_PER_REQUEST)
      await importTickets(ctx, lines.slice(i, i + IMPORT_LINES_PER_REQUEST).join('\n'), 'bench');
    const imported = lines.length / ((performance.now() - started) / 1000);
    const { rows } = await sql<{ n: string; numbers: string }>`
      select count(*) as n, count(distinct number) as numbers from tickets`.execute(ctx.db);
    console.log(
      `ticket creation (${CLIENTS} clients, ${TICKETS} tickets each way, ${(await ctx.db.selectFrom('deployments').select('flow_id').execute()).length} flows deployed): ` +
        `counter row ${fmtRate(counter, 'tickets/s')}, sequence ${fmtRate(sequence, 'tickets/s')}, batched ${fmtRate(batched, 'tickets/s')}; ` +
        `bulk import ${IMPORT_TICKETS} tickets in imports of ${IMPORT_LINES_PER_REQUEST}: ${fmtRate(imported, 'tickets/s')}; ` +
        `${rows[0]?.n} tickets, ${rows[0]?.numbers} distinct numbers`,
    );
    const bench = 'ticket creation, PostgreSQL';
    return [
      { bench, metric: `one per transaction, counter row (the old path), ${CLIENTS} clients`, value: fmtRate(counter, 'tickets/s') },
      { bench, metric: `one per transaction, month sequence, ${CLIENTS} clients`, value: fmtRate(sequence, 'tickets/s') },
      {
        bench,
        metric: `createTicket (batched), ${CLIENTS} clients`,
        value: fmtRate(batched, 'tickets/s'),
        target: `>= ${fmtRate(4 * BEFORE, 'tickets/s')} (4x ${BEFORE})`,
        pass: batched >= 4 * BEFORE,
      },
      {
        bench,
        metric: 'createTicket / old path, same run',
        value: `${(batched / counter).toFixed(2)}x`,
        target: '>= 4x',
        pass: batched / counter >= 4,
      },
      {
        bench,
        metric: `bulk import, ${IMPORT_LINES_PER_REQUEST.toLocaleString('en-US')} lines per request`,
        value: fmtRate(imported, 'tickets/s'),
        target: `>= ${fmtRate(IMPORT_TARGET, 'tickets/s')}`,
        pass: imported >= IMPORT_TARGET,
      },
    ];
  } finally {
    await store.close();
    await scratch.drop();
    await services.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(`\n${renderTable(await benchTicketCreation())}`);
