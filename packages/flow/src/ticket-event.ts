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

/** Something that happened to a ticket, from a channel, an agent or the customer. */
export const TicketEvent = z.discriminatedUnion('type', [TicketCreated, CustomerMessage, AgentReply, StatusChanged, SurveyResponse]);
export type TicketEvent = z.infer<typeof TicketEvent>;

/** The names of ticket events, for triggers and waits. */
export const TicketEventType = z.enum(['ticket.created', 'customer.message', 'agent.reply', 'ticket.status', 'survey.response']);
export type TicketEventType = z.infer<typeof TicketEventType>;
