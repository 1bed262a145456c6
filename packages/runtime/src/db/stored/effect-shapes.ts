import { Priority, Ticket, TicketEvent, type TicketPatch, TicketStatus } from '@switchyard/flow';
import type { OutboundMessage, TicketStats } from '@switchyard/nodes';
import { z } from 'zod';
import type { EffectOutcome } from '../../engine/effect-runner';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';
import { TicketStatsSchema } from './ticket-stats-shape';

/** What the outbox keeps of an action so any worker can run it later exactly as asked. */
export interface StoredEffectRequest {
  readonly ticket: Ticket;
  readonly stats: TicketStats;
  readonly now: number;
  readonly event: TicketEvent | undefined;
  readonly vars: Record<string, unknown>;
}

/** The payload of an effect.done / effect.error event: the outcome and the event that started the step. */
export interface EffectResultPayload {
  readonly outcome: EffectOutcome;
  readonly event?: TicketEvent | undefined;
  /** Given up after its last retry: the ticket gets flagged. */
  readonly dead?: boolean;
}

// No defaults here (unlike the Ticket schema): a patch names only what it changes.
const TicketPatchSchema = z.object({
  category: z.string().nullable().optional(),
  subcategory: z.string().nullable().optional(),
  priority: Priority.optional(),
  status: TicketStatus.optional(),
  group: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  flags: z.array(z.string()).optional(),
  escalationLevel: z.number().int().min(0).optional(),
}) satisfies z.ZodType<TicketPatch>;

const OutboundMessageSchema = z.object({
  audience: z.enum(['customer', 'team']),
  body: z.string(),
  recipient: z.string().nullable().optional(),
  via: z.string().optional(),
  language: z.enum(['zh-CN', 'en']).optional(),
}) satisfies z.ZodType<OutboundMessage>;

// JSON drops keys whose value is undefined: they come back absent and are put back as undefined.
const EffectOutcomeSchema: z.ZodType<EffectOutcome> = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      type: z.string(),
      params: z.record(z.string(), z.unknown()),
      patch: TicketPatchSchema.optional(),
      output: z.unknown().optional(),
      message: OutboundMessageSchema.optional(),
    })
    .transform(({ output, patch, ...rest }) => ({ ...rest, patch, output })),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

const StoredEffectRequestSchema: z.ZodType<StoredEffectRequest> = z
  .object({
    ticket: Ticket,
    stats: TicketStatsSchema,
    now: z.number(),
    event: TicketEvent.optional(),
    vars: z.record(z.string(), z.unknown()),
  })
  .transform(({ event, ...rest }) => ({ ...rest, event }));

const EffectResultSchema: z.ZodType<EffectResultPayload> = z.object({
  outcome: EffectOutcomeSchema,
  event: TicketEvent.optional(),
  dead: z.boolean().optional(),
});

// The ticket event schema's type is its parsed output (AgentReply's body defaults to ''): stored events were parsed.
const TicketEventSchema: z.ZodType<TicketEvent> = TicketEvent;

/** `outbox.request`: the ticket, stats, vars, event and time of the step that queued the effect. */
export const effectRequestShape = defineStoredShape({
  name: 'effect-request',
  version: 1,
  schema: StoredEffectRequestSchema,
  migrations: [sameShape],
});

/** `outbox.result`: what a delivered effect gave. */
export const effectOutcomeShape = defineStoredShape({
  name: 'effect-outcome',
  version: 1,
  schema: EffectOutcomeSchema,
  migrations: [sameShape],
});

/** `ticket_events.payload` of effect.done / effect.error: the outcome addressed to the flow that asked. */
export const effectResultShape = defineStoredShape({
  name: 'effect-result',
  version: 1,
  schema: EffectResultSchema,
  migrations: [sameShape],
});

/** `ticket_events.payload` of a ticket event (ticket.created, customer.message...): the event itself. */
export const ticketEventShape = defineStoredShape({
  name: 'ticket-event',
  version: 1,
  schema: TicketEventSchema,
  migrations: [sameShape],
});
