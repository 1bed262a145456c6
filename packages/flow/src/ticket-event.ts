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
  'approval.decided',
  'customer.confirmed',
]);
export type TicketEventType = z.infer<typeof TicketEventType>;
