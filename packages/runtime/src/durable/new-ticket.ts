import { Channel, CustomerTier } from '@switchyard/flow';
import { z } from 'zod';

/** What a channel posts to open a ticket (POST /api/tickets). */
export const NewTicket = z.strictObject({
  channel: Channel,
  subject: z.string().max(1000).default(''),
  body: z.string().max(100_000).default(''),
  customer: z.strictObject({
    id: z.string().min(1).max(200),
    name: z.string().max(200).optional(),
    tier: CustomerTier.optional(),
    contact: z.string().max(500).optional(),
  }),
  orderId: z.string().min(1).max(200).optional(),
});
export type NewTicket = z.input<typeof NewTicket>;
