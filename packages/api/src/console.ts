import { INPUT_LIMITS, TicketStatus } from '@switchyard/flow';
import { z } from 'zod';

/** The queues of the service console (`GET /api/tickets?view=`). */
export const QueueView = z.enum(['mine', 'group', 'unassigned', 'at_risk', 'overdue', 'abnormal', 'all']).meta({ id: 'QueueView' });
export type QueueView = z.infer<typeof QueueView>;
export const QUEUE_VIEWS = QueueView.options;

/** `newest` (the default): newest first; `urgency`: priority, then the earliest SLA deadline, then the oldest. */
export const QueueSort = z.enum(['newest', 'urgency']).meta({ id: 'QueueSort' });
export type QueueSort = z.infer<typeof QueueSort>;

/** What `GET /api/tickets` says of each row when asked for a queue (`view`, `sort`, `q` or `cursor`). */
export const QueueRowInfo = z
  .object({
    /** Open, no agent touched it, and created longer ago than the at-risk limit (30 minutes by default). */
    atRisk: z.boolean(),
    /** Open, and an SLA deadline has passed. */
    overdue: z.boolean(),
    /** The earliest pending deadline; null when none. */
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    /** When an agent last acted on it (reply, note, take, transfer); null: never. */
    touchedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Flagged abnormal or escalated: since when, and by when a supervisor must step in; null when neither. */
    abnormal: z
      .object({ since: z.iso.datetime({ offset: true }), stepInBy: z.iso.datetime({ offset: true }), steppedIn: z.boolean() })
      .nullable(),
    /** Pass it as `cursor` to read the rows after this one. */
    cursor: z.string(),
  })
  .meta({ id: 'QueueRowInfo' });
export type QueueRowInfo = z.infer<typeof QueueRowInfo>;

/** The console's queue parameters added to `GET /api/tickets` (all optional). */
export const QueueQueryFields = {
  view: QueueView.optional().meta({ example: 'mine' }),
  sort: QueueSort.optional().meta({ example: 'urgency' }),
  /** Substring of the number, subject, body or customer id (Chinese works: `快递`). */
  q: z.string().trim().min(1).max(INPUT_LIMITS.name).optional().meta({ example: '快递' }),
  /** The `queue.cursor` of the last row read: the rows after it. */
  cursor: z.string().min(1).max(INPUT_LIMITS.note).optional().meta({ example: 'eyJrIjpbXX0' }),
};

/** Counts of one queue or one agent: open tickets, at risk, overdue. */
export const QueueCount = z
  .object({ open: z.number().int(), atRisk: z.number().int(), overdue: z.number().int() })
  .meta({ id: 'QueueCount' });
export type QueueCount = z.infer<typeof QueueCount>;

/** `GET /api/queues`: what each queue holds for the caller, and per agent (the caller's reach). */
export const QueueCounts = z
  .object({
    queues: z.record(QueueView, z.number().int()),
    agents: z.array(QueueCount.extend({ agentId: z.string(), name: z.string() })),
  })
  .meta({ id: 'QueueCounts' });
export type QueueCounts = z.infer<typeof QueueCounts>;

const note = z.string().trim().max(INPUT_LIMITS.note);
const rosterId = z.string().min(1).max(INPUT_LIMITS.id);

/** `POST /api/tickets/:id/transfer`: to another group, with a hand-over note the group reads. */
export const TransferRequest = z
  .strictObject({ group: rosterId, note: note.default('') })
  .meta({ id: 'TransferRequest', example: { group: 'after_sales', note: '客户要退货，请售后跟进 Customer wants a return' } });
export type TransferRequest = z.input<typeof TransferRequest>;

/** `POST /api/tickets/:id/notes`: an internal note; each mentioned agent is notified. */
export const NoteRequest = z
  .strictObject({ body: note.min(1), mentions: z.array(rosterId).max(20).default([]) })
  .meta({ id: 'NoteRequest', example: { body: '@li-na 请帮忙看一下物流 please check the shipment', mentions: ['li-na'] } });
export type NoteRequest = z.input<typeof NoteRequest>;

/** `POST /api/tickets/:id/escalate`: one level up (or to `level`), with a reason. */
export const EscalateRequest = z
  .strictObject({ level: z.number().int().min(1).max(9).optional(), note: note.default('') })
  .meta({ id: 'EscalateRequest', example: { note: '客户情绪激动 the customer is upset' } });
export type EscalateRequest = z.input<typeof EscalateRequest>;

/** `POST /api/tickets/:id/reply`: an agent's answer to the customer (the flows see `agent.reply`). */
export const ReplyRequest = z
  .strictObject({ body: z.string().trim().min(1).max(INPUT_LIMITS.body) })
  .meta({ id: 'ReplyRequest', example: { body: '您好，已为您核实 Hello, we checked your order' } });
export type ReplyRequest = z.input<typeof ReplyRequest>;

/** `POST /api/tickets/:id/status`: set the status (the flows see `ticket.status`). */
export const StatusRequest = z.strictObject({ status: TicketStatus }).meta({ id: 'StatusRequest', example: { status: 'resolved' } });
export type StatusRequest = z.input<typeof StatusRequest>;

/** `POST /api/tickets/:id/step-in`: a supervisor takes an abnormal ticket and records why it went wrong and the fix. */
export const StepInRequest = z
  .strictObject({ cause: note.min(1), resolution: note.min(1) })
  .meta({ id: 'StepInRequest', example: { cause: '物流信息未同步 shipment not synced', resolution: '人工补发 re-sent by hand' } });
export type StepInRequest = z.input<typeof StepInRequest>;

/** A step-in as kept with the ticket. */
export const StepIn = z
  .object({ ticketId: z.string(), by: z.string(), at: z.iso.datetime({ offset: true }), cause: z.string(), resolution: z.string() })
  .meta({ id: 'StepIn' });
export type StepIn = z.infer<typeof StepIn>;

/** What an agent action answers: the ticket's assignment now and the history entry it wrote. */
export const ActionDone = z
  .object({
    ticketId: z.string(),
    group: z.string().nullable(),
    assignee: z.string().nullable(),
    escalationLevel: z.number().int(),
    /** The id of the ticket event the flows get (`agent.reply`, `ticket.status`, or `agent.action` for the other actions). */
    eventId: z.string(),
  })
  .meta({ id: 'ActionDone' });
export type ActionDone = z.infer<typeof ActionDone>;

/** A notice for one person: a mention, a transfer to their group, a ticket taken from them. */
export const UserNotification = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    kind: z.enum(['mention', 'transfer.in', 'transfer.out', 'escalated', 'stepped-in']),
    ticketId: z.string(),
    by: z.string(),
    message: z.object({ en: z.string(), 'zh-CN': z.string() }),
    read: z.boolean(),
  })
  .meta({ id: 'UserNotification' });
export type UserNotification = z.infer<typeof UserNotification>;
export const UserNotificationList = z.array(UserNotification).meta({ id: 'UserNotificationList' });

/** `GET /api/customers/:id`: the customer beside a ticket (contact masked unless the caller may see it). */
export const CustomerView = z
  .object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    contact: z.string().nullable(),
    tags: z.array(z.string()),
    /** The last three tickets' first contacts: when, by which channel, about what. */
    lastContacts: z.array(z.object({ ticketId: z.string(), at: z.iso.datetime({ offset: true }), channel: z.string(), topic: z.string() })),
    openTickets: z.array(z.object({ id: z.string(), number: z.string(), subject: z.string(), status: z.string() })),
    pastTickets: z.array(z.object({ id: z.string(), number: z.string(), subject: z.string(), status: z.string() })),
    orderIds: z.array(z.string()),
  })
  .meta({ id: 'CustomerView' });
export type CustomerView = z.infer<typeof CustomerView>;

/** One step of a flow's path on a ticket. */
export const TraceStep = z
  .object({
    node: z.string(),
    /** `trigger`, `condition`, `action`, `wait`, `end`, or `timer.set` / `timer.fired` / `timer.cancelled` / `effect` / `error`. */
    type: z.string(),
    at: z.iso.datetime({ offset: true }),
    /** A condition's answer: the port it took (`true`, `false`, a branch). */
    answer: z.string().optional(),
    /** What the condition looked at (the keyword that matched, the field and its value, the agents considered). */
    inputs: z.record(z.string(), z.unknown()).optional(),
    /** The event that moved the flow this step. */
    event: z.string().optional(),
    /** An effect's attempts and outcome. */
    attempts: z.number().int().optional(),
    detail: z.unknown().optional(),
  })
  .meta({ id: 'TraceStep' });
export type TraceStep = z.infer<typeof TraceStep>;

/** `GET /api/tickets/:id/trace`: per flow, the version, where it rests, its pending timers and the path it took. */
export const TicketTrace = z
  .object({
    flows: z.array(
      z.object({
        flowId: z.string(),
        version: z.number().int(),
        /** The node the flow rests in; null when it is idle (its run ended or never started). */
        node: z.string().nullable(),
        timers: z.array(z.object({ node: z.string(), event: z.string(), dueAt: z.iso.datetime({ offset: true }) })),
        steps: z.array(TraceStep),
      }),
    ),
  })
  .meta({ id: 'TicketTrace' });
export type TicketTrace = z.infer<typeof TicketTrace>;

/** One server-sent event of `GET /api/stream`: a ticket the caller may see changed. */
export const StreamEvent = z
  .object({ ticketId: z.string(), kind: z.string(), at: z.iso.datetime({ offset: true }) })
  .meta({ id: 'StreamEvent' });
export type StreamEvent = z.infer<typeof StreamEvent>;
