import { EMPTY_STATS, type TicketStats } from '@switchyard/nodes';
import { z } from 'zod';
import { defineStoredShape } from './stored-shape';

/** The schema of `TicketStats`. */
export const TicketStatsSchema: z.ZodType<TicketStats> = z.object({
  customerMessages: z.number().int().min(0),
  agentReplies: z.number().int().min(0),
  recentMessages: z.array(z.string()),
  firstAgentReplyAt: z.string().nullable(),
});

/** `tickets.stats`: the counters conditions read (`TicketStats`). */
export const ticketStatsShape = defineStoredShape({
  name: 'ticket-stats',
  version: 1,
  schema: TicketStatsSchema,
  // Version 0 rows may predate a counter (a ticket created as `{}`): a missing counter reads as zero.
  migrations: [(v0) => ({ ...EMPTY_STATS, ...z.record(z.string(), z.unknown()).parse(v0) })],
});
