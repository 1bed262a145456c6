import { Priority, TicketStatus } from '@switchyard/flow';
import { z } from 'zod';

/** "+10m" or "+24h15m" from the ticket's creation ("+0" is the creation itself). */
const Offset = z
  .string()
  .regex(/^\+(0|\d+(\.\d+)?\s*[a-z]+(\s*\d+(\.\d+)?\s*[a-z]+)*)$/i, 'expected an offset such as "+0", "+10m", "+24h" or "+24h15m"');

/** Picks actions out of a dry-run result: every given field must match. */
export const ActionMatcher = z.strictObject({
  type: z.string().min(1),
  flow: z.string().min(1).optional(),
  node: z.string().min(1).optional(),
  /** When the action ran, relative to the ticket's creation. */
  at: Offset.optional(),
  /** A partial match: only the given keys are compared (recursively). */
  params: z.record(z.string(), z.unknown()).optional(),
  /** Text the message must contain (`params.body` of a reply or notify). */
  bodyIncludes: z.array(z.string().min(1)).optional(),
});
export type ActionMatcher = z.infer<typeof ActionMatcher>;

/** The final ticket fields an example cares about; fields left out are not checked. */
export const ExpectedFinal = z.strictObject({
  status: TicketStatus.optional(),
  priority: Priority.optional(),
  category: z.string().nullable().optional(),
  subcategory: z.string().nullable().optional(),
  group: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  /** Compared as sets: the exact tags, in any order. */
  tags: z.array(z.string()).optional(),
  flags: z.array(z.string()).optional(),
});

/**
 * What the author of a sample ticket expects from a dry-run of all ten example flows
 * (the `expect` field of a line in `examples/tickets/*.jsonl`).
 * @example
 * { "final": { "category": "logistics" }, "actions": [{ "type": "reply", "at": "+0" }], "absent": ["escalate"] }
 */
export const Expectation = z.strictObject({
  final: ExpectedFinal.optional(),
  /** Actions that must appear in this order; other actions may come between them. */
  actions: z.array(ActionMatcher).optional(),
  /** Actions that must not appear: an action type, or a matcher. */
  absent: z.array(z.union([z.string().min(1), ActionMatcher])).optional(),
  /** Node ids the run must pass through, in any order. */
  visits: z.array(z.string().min(1)).optional(),
  /** Node ids the run must not pass through. */
  avoids: z.array(z.string().min(1)).optional(),
  /** How many errors the run reports; none unless said. */
  errors: z.number().int().min(0).default(0),
});
export type Expectation = z.infer<typeof Expectation>;
