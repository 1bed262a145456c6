import { z } from 'zod';

/** One bad field of a request: its dotted path (`document.nodes.0.id`, `customer.id`) and what is wrong. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FieldIssue' });
export type FieldIssue = z.infer<typeof FieldIssue>;

/**
 * Every error answer: a message, and details a client can act on (for a 400 the bad
 * fields as `FieldIssue`s, for a 422 the flow's diagnostics).
 */
export const ErrorBody = z.object({ error: z.string(), details: z.unknown().optional() }).meta({
  id: 'ErrorBody',
  example: {
    error: 'invalid request',
    details: [{ path: 'customer.id', message: 'Invalid input: expected string, received undefined' }],
  },
});
export type ErrorBody = z.infer<typeof ErrorBody>;
