import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';
import { TicketStatus } from './ticket';

export const TicketCreated = z.strictObject({ type: z.literal('ticket.created') });
export const CustomerMessage = z.strictObject({ type: z.literal('customer.message'), body: z.string().max(INPUT_LIMITS.body) });
export const AgentReply = z.strictObject({
  type: z.literal('agent.reply'),
  agentId: z.string().min(1).max(INPUT_LIMITS.id),
  body: z.string().max(INPUT_LIMITS.body).default(''),
});
export const StatusChanged = z.strictObject({ type: z.literal('ticket.status'), status: TicketStatus });
/** What an agent or supervisor did through the service console's action routes. */
export const AgentActionKind = z.enum(['take', 'release', 'transfer', 'note', 'escalate', 'step-in']);
export type AgentActionKind = z.infer<typeof AgentActionKind>;

/**
 * An agent's action on the ticket (take, release, transfer, note, escalate, step-in), under the
 * name of the person who acted, with the assignment it left: the server sends it when the action
 * is done, so the flows see it (a wait for "agent action" ends, a trigger could start).
 */
export const AgentAction = z.strictObject({
  type: z.literal('agent.action'),
  action: AgentActionKind,
  /** Who acted: the signed-in user's audit name. */
  by: z.string().min(1).max(INPUT_LIMITS.name),
  /** The roster agent they work as, if any. */
  agentId: z.string().min(1).max(INPUT_LIMITS.id).nullable().default(null),
  /** The ticket's group, assignee and escalation level after the action. */
  group: z.string().max(INPUT_LIMITS.id).nullable(),
  assignee: z.string().max(INPUT_LIMITS.id).nullable(),
  escalationLevel: z.number().int().min(0),
  /** The hand-over note, the internal note or the escalation reason. */
  note: z.string().max(INPUT_LIMITS.body).default(''),
  /** Agents mentioned in a note. */
  mentions: z.array(z.string().min(1).max(INPUT_LIMITS.id)).default([]),
});
export type AgentAction = z.infer<typeof AgentAction>;

export const SurveyResponse = z.strictObject({
  type: z.literal('survey.response'),
  score: z.number().int().min(1).max(5),
});

/** A person decided an approval a flow asked for (issue 21): `flow` and `node` name the approval node that waits. */
export const ApprovalDecided = z.strictObject({
  type: z.literal('approval.decided'),
  flow: z.string().min(1).max(INPUT_LIMITS.id),
  node: z.string().min(1).max(INPUT_LIMITS.id),
  decision: z.enum(['approve', 'reject']),
  by: z.string().min(1).max(INPUT_LIMITS.id),
  note: z.string().max(INPUT_LIMITS.body).optional(),
});
/** The customer confirmed that the ticket's resolution works for them. */
export const CustomerConfirmed = z.strictObject({ type: z.literal('customer.confirmed') });

/** Something that happened to a ticket, from a channel, an agent or the customer. */
export const TicketEvent = z.discriminatedUnion('type', [
  TicketCreated,
  CustomerMessage,
  AgentReply,
  StatusChanged,
  SurveyResponse,
  AgentAction,
  ApprovalDecided,
  CustomerConfirmed,
]);
export type TicketEvent = z.infer<typeof TicketEvent>;

/** The names of ticket events, for triggers and waits. */
export const TicketEventType = z.enum([
  'ticket.created',
  'customer.message',
  'agent.reply',
  'ticket.status',
  'survey.response',
  'agent.action',
  'approval.decided',
  'customer.confirmed',
]);
export type TicketEventType = z.infer<typeof TicketEventType>;
