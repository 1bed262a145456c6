import { parseDuration, Ticket, TicketEvent } from '@switchyard/flow';
import { z } from 'zod';

/** `+15m` / `+2h` relative to the ticket's creation, or an ISO time. */
const EventTime = z
  .string()
  .refine((at) => (at.startsWith('+') ? parseDuration(at.slice(1)) !== undefined : !Number.isNaN(Date.parse(at))), {
    message: 'expected "+15m"-style offset from createdAt or an ISO time',
  });

/** A scripted event of a sample ticket: when, and what. */
export const SampleEvent = z.looseObject({ at: EventTime }).transform((raw, ctx) => {
  const { at, ...rest } = raw;
  const event = TicketEvent.safeParse(rest);
  if (!event.success) {
    for (const issue of event.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return { at, event: event.data };
});
export type SampleEvent = z.output<typeof SampleEvent>;

/** Monday 2026-01-05 09:00 in Shanghai: a fixed default so runs are repeatable. */
export const DEFAULT_CREATED_AT = '2026-01-05T09:00:00+08:00';

/** A ticket for dry-run: the vocabulary's fields, scripted events, and an optional expectation for tests. */
export const SampleTicket = Ticket.extend({
  createdAt: Ticket.shape.createdAt.default(DEFAULT_CREATED_AT),
  events: z.array(SampleEvent).default([]),
  /** What the example's author expects; ignored by dry-run, checked by the example tests. */
  expect: z.unknown().optional(),
  /** A line on what this sample is for. */
  note: z.string().optional(),
});
export type SampleTicket = z.output<typeof SampleTicket>;
export type SampleTicketInput = z.input<typeof SampleTicket>;

/** Absolute time of a sample event. */
export function eventTime(createdAt: number, at: string): number {
  return at.startsWith('+') ? createdAt + (parseDuration(at.slice(1)) ?? 0) : Date.parse(at);
}
