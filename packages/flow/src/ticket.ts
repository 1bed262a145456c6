import { z } from 'zod';

/** Channels a ticket can arrive through. */
export const Channel = z.enum(['chat', 'email', 'web', 'phone', 'social']);
export type Channel = z.infer<typeof Channel>;

export const Priority = z.enum(['urgent', 'high', 'normal']);
export type Priority = z.infer<typeof Priority>;

/** `pending`: waiting on the customer (issue 21); SLA clocks that pause on it stop while the ticket is pending. */
export const TicketStatus = z.enum(['new', 'processing', 'pending', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const CustomerTier = z.enum(['vip', 'standard']);
export type CustomerTier = z.infer<typeof CustomerTier>;

export const Customer = z.strictObject({
  id: z.string().min(1),
  name: z.string().default(''),
  tier: CustomerTier.default('standard'),
  contact: z.string().optional(),
});
export type Customer = z.infer<typeof Customer>;

/**
 * A service ticket in the vocabulary of SCENARIOS.md. Fields a flow may change
 * (priority, category, group, ...) default to their "nothing decided yet" value.
 */
export const Ticket = z.strictObject({
  id: z.string().min(1),
  number: z.string().default(''),
  channel: Channel,
  subject: z.string().default(''),
  body: z.string().default(''),
  customer: Customer,
  orderId: z.string().min(1).optional(),
  category: z.string().nullable().default(null),
  /** The level-two category under `category` (e.g. fault / login_failure); null when none was chosen. */
  subcategory: z.string().nullable().default(null),
  priority: Priority.default('normal'),
  status: TicketStatus.default('new'),
  group: z.string().nullable().default(null),
  assignee: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  flags: z.array(z.string()).default([]),
  escalationLevel: z.number().int().min(0).default(0),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Ticket = z.infer<typeof Ticket>;

/** The ticket fields an action may change. */
export type TicketPatch = Partial<
  Pick<Ticket, 'category' | 'subcategory' | 'priority' | 'status' | 'group' | 'assignee' | 'tags' | 'flags' | 'escalationLevel'>
>;

/** The outcome fields reported by a dry-run (the contract's `final`). */
export const FINAL_FIELDS = ['status', 'priority', 'category', 'subcategory', 'group', 'assignee', 'tags', 'flags'] as const;
