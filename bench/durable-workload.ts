import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { startTestHttpServer, type TestHttpServer } from '@switchyard/nodes/testing';
import {
  addNote,
  createTicket,
  parseTicketsFile,
  postTicketEvent,
  type RuntimeContext,
  type SampleTicket,
  seedExamples,
} from '@switchyard/runtime';
import { mapLimit } from '../test/scale/scale-load';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');

export const benchRegistry = createNodeRegistry([...builtinNodes, billingSuspend]);

/** What scenario 2's tracking call answers (its flow's sampleResponse). */
const TRACKING = { status: '运输中 in transit', eta: '2026-01-07', carrier: '顺丰 SF Express' };

/** The logistics and billing services the example flows call, on one local server. */
export function startServices(): Promise<TestHttpServer> {
  return startTestHttpServer((request) =>
    request.url.startsWith('/api/v1/tracking/') ? { body: TRACKING } : { body: { suspended: true } },
  );
}

/**
 * A copy of examples/ whose logistics service is `serviceUrl`; the caller removes it.
 * billing.suspend reads BILLING_URL when the flows are compiled, so set that before seeding.
 */
export function examplesCalling(serviceUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  cpSync(EXAMPLES, dir, { recursive: true, filter: (from) => !from.includes('node_modules') && !from.includes('custom-nodes') });
  const flows = join(dir, 'flows');
  for (const file of readdirSync(flows)) {
    const path = join(flows, file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('http://127.0.0.1:4010', serviceUrl));
  }
  return dir;
}

/** Seeds the ten example flows and the roster, calling `services` for logistics and billing. */
export async function seedBenchExamples(ctx: RuntimeContext, servicesUrl: string): Promise<void> {
  const saved = process.env.BILLING_URL;
  process.env.BILLING_URL = servicesUrl;
  const dir = examplesCalling(servicesUrl);
  try {
    await seedExamples(ctx, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.BILLING_URL;
    else process.env.BILLING_URL = saved;
  }
}

/** The sample tickets of every examples/tickets file (the -busy ones too). */
export function sampleTickets(): SampleTicket[] {
  const dir = join(EXAMPLES, 'tickets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => parseTicketsFile(readFileSync(join(dir, file), 'utf8'), file));
}

/**
 * Opens `count` tickets cycling through the sample tickets (their channel, text, customer and
 * order), each followed at once by its scripted events (messages, replies, status changes,
 * survey answers; their times are ignored). Returns the ticket ids and how many events were posted.
 */
export async function openSampleTickets(
  ctx: RuntimeContext,
  samples: readonly SampleTicket[],
  count: number,
  concurrency: number,
): Promise<{ ids: string[]; posted: number }> {
  let posted = 0;
  const ids = await mapLimit(
    Array.from({ length: count }, (_, i) => samples[i % samples.length]!),
    concurrency,
    async (sample, i) => {
      const { id } = await createTicket(
        ctx,
        {
          channel: sample.channel,
          subject: sample.subject,
          body: sample.body,
          customer: { id: `${sample.customer.id}-${i % 200}`, name: sample.customer.name, tier: sample.customer.tier },
          ...(sample.orderId ? { orderId: sample.orderId } : {}),
        },
        'bench',
      );
      for (const { event } of sample.events) {
        // Posted as production receives them: a note through the console's note action; a decision
        // needs the approval a worker has not asked for yet (none runs while the backlog is queued).
        if (event.type === 'ticket.created' || event.type === 'approval.decided') continue;
        if (event.type === 'agent.action') {
          if (event.action !== 'note') continue;
          await addNote(ctx, id, { actor: event.by, userId: 'bench', agentId: event.agentId }, event.note, event.mentions);
        } else await postTicketEvent(ctx, id, event, 'bench');
        posted++;
      }
      return id;
    },
  );
  return { ids, posted };
}
