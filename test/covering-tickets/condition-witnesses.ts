import { Channel, CustomerTier, Priority, TicketStatus } from '@switchyard/flow';
import { TicketField } from '@switchyard/nodes';
import { z } from 'zod';

/** The ticket fields a witness may set (`status` also on a scripted `ticket.status` event): those field_compare reads. */
export const WitnessField = TicketField;
export type WitnessField = z.infer<typeof TicketField>;

/** Where a keyword condition reads its text. */
export type TextSource = 'ticket' | 'subject' | 'body' | 'message';

/**
 * How a condition is made to answer the port a script needs:
 * - `field`: the condition reads one ticket field; try the candidate values with the real condition.
 * - `text`: put one keyword in the text it reads for "true", none of them otherwise.
 * - `messages`: it reads the message counters; try prior customer messages (distinct, or repeating the message).
 * - `clock`: it reads `now`; try creation times.
 * - `none`: no generic witness; the ticket leaves the answer to chance and the check reports it.
 */
export type Witness =
  | {
      readonly kind: 'field';
      readonly field: (config: unknown) => WitnessField;
      readonly candidates: (config: unknown) => readonly unknown[];
    }
  | { readonly kind: 'text'; readonly read: (config: unknown) => { readonly source: TextSource; readonly keywords: readonly string[] } }
  | { readonly kind: 'messages' }
  | { readonly kind: 'clock' }
  | { readonly kind: 'none'; readonly reason: string };

const TextConfig = z.object({ source: z.enum(['ticket', 'subject', 'body', 'message']), keywords: z.array(z.string()) });
const CompareConfig = z.object({
  field: WitnessField,
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
});

/**
 * Values worth trying for a compared field: the compared values themselves (alone and as
 * one-element lists for tags), their numeric neighbours, "nothing" and every value of the
 * enum fields. Values the field cannot hold are dropped when the ticket is parsed.
 */
function compareCandidates(config: unknown): unknown[] {
  const { value } = CompareConfig.parse(config);
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return [
    ...values,
    ...values.map((v) => [String(v)]),
    ...values.flatMap((v) => (typeof v === 'number' ? [v - 1, v + 1] : [])),
    null,
    undefined,
    'sample',
    [],
    ['sample'],
    0,
    1,
    ...Priority.options,
    ...TicketStatus.options,
    ...Channel.options,
    ...CustomerTier.options,
  ];
}

/** Witnesses of the built-in conditions, by node type. A type not listed (a custom condition) has none. */
export const WITNESSES: Readonly<Record<string, Witness>> = {
  text_contains: { kind: 'text', read: (config) => TextConfig.parse(config) },
  field_compare: { kind: 'field', field: (config) => CompareConfig.parse(config).field, candidates: compareCandidates },
  customer_tier: { kind: 'field', field: () => 'customer.tier', candidates: () => CustomerTier.options },
  channel_is: { kind: 'field', field: () => 'channel', candidates: () => Channel.options },
  // An order id on the ticket answers "true"; none (and no DD-number in the neutral text) answers "false".
  has_order_number: { kind: 'field', field: () => 'orderId', candidates: () => [undefined, 'DD20260105001'] },
  message_count: { kind: 'messages' },
  repeated_message: { kind: 'messages' },
  business_hours: { kind: 'clock' },
  expression: { kind: 'none', reason: 'a CEL expression may read anything (ticket, stats, vars, now): no generic witness' },
  text_matches: { kind: 'none', reason: 'a regular expression has no generic witness text' },
};

/** The witness of a condition type; `none` for a type without one. */
export function witnessOf(type: string): Witness {
  return WITNESSES[type] ?? { kind: 'none', reason: `custom condition "${type}": no witness` };
}
