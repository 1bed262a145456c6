import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManualClock } from '../clock';
import { createTicket } from '../durable/create-ticket';
import type { RuntimeContext } from '../durable/runtime-context';
import type { Worker } from '../durable/worker';
import { parseTicketsFile } from '../dry-run/parse-tickets-file';
import { eventTime, type SampleTicket } from '../dry-run/sample-ticket';
import { postSampleEvent } from './post-sample-event';

export const EXAMPLES_DIR = join(import.meta.dirname, '../../../../examples');

/** Every example ticket (examples/tickets/*.jsonl), in file order. */
export async function exampleTickets(): Promise<SampleTicket[]> {
  const dir = join(EXAMPLES_DIR, 'tickets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl') && !f.includes('busy')).sort();
  const lists = await Promise.all(files.map(async (f) => parseTicketsFile(await readFile(join(dir, f), 'utf8'), f)));
  return lists.flat();
}

/**
 * Runs sample tickets for real: each opened through `createTicket` one minute after the
 * previous one, its scripted events posted at their times as production receives them (`postSampleEvent`), the
 * worker run at every step (so timers, effects and their results happen as in production),
 * then the clock moved `after` further (`actor` opens the tickets). Answers the ids the runtime gave them, in order.
 */
export async function runRecordedTickets(
  ctx: RuntimeContext,
  clock: ManualClock,
  worker: Worker,
  samples: readonly SampleTicket[],
  after = 3 * 86_400_000,
  actor = 'test',
): Promise<string[]> {
  const start = clock.now().getTime();
  type Step = { at: number; order: number; run: () => Promise<void> };
  const steps: Step[] = [];
  const ids: string[] = [];
  samples.forEach((sample, i) => {
    const createdAt = start + (i + 1) * 60_000;
    const created = createdAt - Date.parse(sample.createdAt);
    steps.push({
      at: createdAt,
      order: steps.length,
      run: async () => {
        const { id } = await createTicket(
          ctx,
          {
            channel: sample.channel,
            subject: sample.subject,
            body: sample.body,
            customer: sample.customer,
            ...(sample.orderId === undefined ? {} : { orderId: sample.orderId }),
          },
          actor,
        );
        ids[i] = id;
      },
    });
    for (const e of sample.events) {
      steps.push({
        at: eventTime(Date.parse(sample.createdAt), e.at) + created,
        order: steps.length,
        run: async () => {
          const id = ids[i];
          if (id !== undefined) await postSampleEvent(ctx, id, e.event);
        },
      });
    }
  });
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    if (step.at > clock.now().getTime()) {
      clock.set(new Date(step.at));
      await worker.runUntilIdle();
    }
    await step.run();
    await worker.runUntilIdle();
  }
  // Let every wait run out, a step at a time so retried effects and later timers happen too.
  for (let left = after; left > 0; left -= 3_600_000) {
    clock.advance(Math.min(left, 3_600_000));
    await worker.runUntilIdle();
  }
  return ids;
}
