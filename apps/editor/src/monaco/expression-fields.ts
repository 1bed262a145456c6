import { Customer, Ticket, TicketEventType } from '@switchyard/flow';

/** One completion item of the expression editor. */
export interface ExpressionCompletion {
  readonly label: string;
  readonly kind: 'variable' | 'field' | 'function' | 'keyword';
  readonly detail: string;
}

/** What an `expression` condition sees (README: "Expressions"), with the ticket's fields from its schema. */
const ROOTS: readonly ExpressionCompletion[] = [
  { label: 'ticket', kind: 'variable', detail: 'the ticket' },
  { label: 'stats', kind: 'variable', detail: 'message counts since the ticket was last opened' },
  { label: 'vars', kind: 'variable', detail: 'outputs of earlier actions by node id' },
  { label: 'event', kind: 'variable', detail: 'the event being handled' },
  { label: 'now', kind: 'variable', detail: 'the current (virtual) time' },
];

const FUNCTIONS: readonly ExpressionCompletion[] = [
  'size',
  'has',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'exists',
  'all',
  'map',
  'filter',
  'timestamp',
  'duration',
  'int',
  'string',
].map((label) => ({ label, kind: 'function', detail: 'CEL' }));
const KEYWORDS: readonly ExpressionCompletion[] = ['true', 'false', 'null', 'in'].map((label) => ({
  label,
  kind: 'keyword',
  detail: 'CEL',
}));

const fields = (names: readonly string[], detail: string): ExpressionCompletion[] =>
  names.map((label) => ({ label, kind: 'field', detail }));

const MEMBERS: Readonly<Record<string, readonly ExpressionCompletion[]>> = {
  ticket: fields(Object.keys(Ticket.shape), 'ticket field'),
  'ticket.customer': fields(Object.keys(Customer.shape), 'customer field'),
  stats: fields(['customerMessages', 'agentReplies', 'recentMessages'], 'stats'),
  event: fields(['type', 'body', 'agentId', 'status', 'score'], `event (${TicketEventType.options.join(', ')})`),
};

/**
 * Completions for the text before the cursor: members after `ticket.`, `ticket.customer.`,
 * `stats.` or `event.`; otherwise the variables, functions and keywords.
 * @example expressionCompletions('ticket.pri').map((c) => c.label).includes('priority') // true
 */
export function expressionCompletions(textBeforeCursor: string): ExpressionCompletion[] {
  const member = /([A-Za-z_][\w.]*)\.(\w*)$/.exec(textBeforeCursor);
  if (member) return [...(MEMBERS[member[1] ?? ''] ?? [])];
  return [...ROOTS, ...FUNCTIONS, ...KEYWORDS];
}

/** Words the highlighter colours as keywords and functions. */
export const CEL_KEYWORDS = KEYWORDS.map((k) => k.label);
export const CEL_FUNCTIONS = FUNCTIONS.map((f) => f.label);
export const CEL_ROOTS = ROOTS.map((r) => r.label);
