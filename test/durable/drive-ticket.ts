import {
  type Database,
  type ManualClock,
  type RuntimeContext,
  type Worker,
  createTicket,
  eventTime,
  type SampleTicket,
} from '@switchyard/runtime';
import { postSampleEvent } from '@switchyard/runtime/testing';
import { type Kysely, sql } from 'kysely';

const THIRTY_DAYS = 30 * 86_400_000;

/**
 * Plays a sample ticket through the durable runtime on a manual clock, as the dry-run plays
 * it on its virtual one: the ticket opens at its createdAt, each scripted event is posted at
 * its time, and between them the clock jumps from one due timer or retry to the next, the
 * worker running whatever is due at each stop; it ends 30 days after creation.
 */
export async function driveTicket(ctx: RuntimeContext, clock: ManualClock, worker: Worker, sample: SampleTicket): Promise<string> {
  const createdAt = Date.parse(sample.createdAt);
  clock.set(new Date(createdAt));
  const { id } = await createTicket(
    ctx,
    {
      channel: sample.channel,
      subject: sample.subject,
      body: sample.body,
      customer: { id: sample.customer.id, name: sample.customer.name, tier: sample.customer.tier },
      ...(sample.orderId ? { orderId: sample.orderId } : {}),
    },
    'test',
  );
  const horizon = createdAt + THIRTY_DAYS;
  const scripted = sample.events
    .map((e, order) => ({ at: eventTime(createdAt, e.at), order, event: e.event }))
    // As in the dry-run: events past the 30-day horizon never come.
    .filter((e) => e.at <= horizon)
    .sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { at, event } of scripted) {
    await advanceTo(ctx.db, clock, worker, id, at);
    await postSampleEvent(ctx, id, event, 'test');
  }
  await advanceTo(ctx.db, clock, worker, id, horizon);
  return id;
}

async function advanceTo(db: Kysely<Database>, clock: ManualClock, worker: Worker, ticketId: string, until: number): Promise<void> {
  for (;;) {
    await worker.runUntilIdle();
    const next = await nextDue(db, ticketId);
    // Strictly before `until`: a timer due at an event's instant fires before the event, as in the dry-run.
    if (next === undefined || next > until) break;
    if (next <= clock.now().getTime())
      throw new Error(`ticket ${ticketId}: work due at ${new Date(next).toISOString()} was left undone by the worker`);
    clock.set(new Date(next));
  }
  if (until > clock.now().getTime()) clock.set(new Date(until));
  await worker.runUntilIdle();
}

async function nextDue(db: Kysely<Database>, ticketId: string): Promise<number | undefined> {
  const { rows } = await sql<{ due: Date | null }>`
    select least(
      (select min(due_at) from timers where ticket_id = ${ticketId}),
      (select min(next_attempt_at) from outbox where ticket_id = ${ticketId} and status in ('pending', 'running'))
    ) as due`.execute(db);
  const due = rows[0]?.due;
  return due ? new Date(due).getTime() : undefined;
}
