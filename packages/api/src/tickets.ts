import { Channel, CustomerTier, INPUT_LIMITS, Ticket, TicketEvent as TicketEventSchema, TicketStatus } from '@switchyard/flow';
import { z } from 'zod';
import { QueueQueryFields, QueueRowInfo } from './console';

/** POST /api/tickets: what a channel posts to open a ticket. */
export const NewTicket = z
  .strictObject({
    channel: Channel,
    subject: z.string().max(INPUT_LIMITS.subject).default(''),
    body: z.string().max(INPUT_LIMITS.body).default(''),
    customer: z.strictObject({
      id: z.string().min(1).max(INPUT_LIMITS.id),
      name: z.string().max(INPUT_LIMITS.name).optional(),
      tier: CustomerTier.optional(),
      contact: z.string().max(INPUT_LIMITS.note).optional(),
    }),
    orderId: z.string().min(1).max(INPUT_LIMITS.id).optional(),
  })
  .meta({
    id: 'NewTicket',
    example: {
      channel: 'chat',
      subject: '快递三天没动了',
      body: '订单 DD20260501001 的快递一直没更新',
      customer: { id: 'C1001', name: '王女士' },
    },
  });
export type NewTicket = z.input<typeof NewTicket>;

export const TicketCreatedResponse = z.object({ id: z.string(), number: z.string() }).meta({ id: 'TicketCreatedResponse' });
export type TicketCreatedResponse = z.infer<typeof TicketCreatedResponse>;

/** POST /api/tickets/bulk: what an import opened, one entry per ticket line (its 1-based line number), in line order. */
export const TicketsImported = z
  .object({
    imported: z.number().int(),
    tickets: z.array(z.object({ line: z.number().int(), id: z.string(), number: z.string() })),
  })
  .meta({ id: 'TicketsImported' });
export type TicketsImported = z.infer<typeof TicketsImported>;

/** POST /api/tickets/:id/events: a customer message, an agent reply, a status change or a survey answer. */
export const TicketEvent = TicketEventSchema.meta({ id: 'TicketEvent' });
export const EventAccepted = z.object({ eventId: z.string() }).meta({ id: 'EventAccepted' });
export type EventAccepted = z.infer<typeof EventAccepted>;

/** The counters conditions read. */
export const TicketStats = z
  .object({
    customerMessages: z.number().int(),
    agentReplies: z.number().int(),
    recentMessages: z.array(z.string()),
    firstAgentReplyAt: z.string().nullable(),
  })
  .meta({ id: 'TicketStats' });

/** GET /api/tickets/:id: the vocabulary's fields, the counters, and the flow versions the ticket is bound to for life. */
/** A flow's wait that times out at `dueAt` unless its event comes first: an SLA deadline. */
export const Deadline = z
  .object({ flowId: z.string(), node: z.string(), dueAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof Deadline>;

/**
 * An SLA policy's clock on the ticket (issue 21): running with the instant it breaches, or paused (the ticket
 * waits on the customer) with the time it has left, which it resumes with.
 */
export const RunningSla = z
  .object({
    flowId: z.string(),
    node: z.string(),
    target: z.enum(['first_response', 'next_response', 'periodic_update', 'resolution']),
    state: z.enum(['running', 'paused']),
    /** When it breaches if nothing changes; null while paused. */
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    /** Counted time left (business time on a business-hours policy): at `since` while running, now while paused. */
    leftMs: z.number().int(),
    since: z.iso.datetime({ offset: true }),
    startedAt: z.iso.datetime({ offset: true }),
    warned: z.boolean(),
  })
  .meta({ id: 'RunningSla' });
export type RunningSla = z.infer<typeof RunningSla>;

export const TicketView = Ticket.extend({
  stats: TicketStats,
  updatedAt: z.iso.datetime({ offset: true }),
  flows: z.array(z.object({ flowId: z.string(), version: z.number().int() })),
  /** The ticket's pending deadlines, earliest first. */
  deadlines: z.array(Deadline),
  /** The SLA policies running (or paused) on the ticket, earliest due first, paused last. */
  slas: z.array(RunningSla),
  /** Present when the list was asked for a queue (`view`, `sort`, `q` or `cursor`): at risk, overdue, paging. */
  queue: QueueRowInfo.optional(),
}).meta({ id: 'TicketView' });
export type TicketView = z.infer<typeof TicketView>;
export const TicketList = z.array(TicketView);

/** GET /api/tickets filters; all optional, combined with "and". Newest first. */
export const TicketQuery = z.strictObject({
  status: TicketStatus.optional().meta({ example: 'new' }),
  group: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'after-sales' }),
  assignee: z.string().min(1).max(INPUT_LIMITS.id).optional().meta({ example: 'li-na' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ example: 50 }),
  ...QueueQueryFields,
});

/** One line of GET /api/tickets/:id/history: an event, a transition, an action or an effect, with its time. */
export const HistoryEntry = z
  .object({
    /** The audit entry's id: its row's, or `<row id>.<n>` for the nth entry of a row holding several (since migration 0033). */
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    actor: z.string(),
    kind: z.string(),
    flowId: z.string().nullable(),
    detail: z.unknown(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const TicketHistory = z.array(HistoryEntry);

/** One message of GET /api/tickets/:id/messages: the customer's, an agent's, or one a flow sent. */
export const TicketMessage = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    /** `in` from the customer, `out` to the customer, `team` a notice inside the team. */
    direction: z.enum(['in', 'out', 'team']),
    /** A customer id, an agent id, or `flow:<flowId>/<nodeId>`. */
    author: z.string(),
    via: z.string(),
    recipient: z.string().nullable(),
    body: z.string(),
    language: z.string().nullable(),
  })
  .meta({ id: 'TicketMessage' });
export type TicketMessage = z.infer<typeof TicketMessage>;
export const TicketConversation = z.array(TicketMessage);
