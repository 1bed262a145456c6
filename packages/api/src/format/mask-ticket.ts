import { type Role, rolesAllow } from '../permissions';
import type { HistoryEntry, TicketMessage, TicketView } from '../tickets';
import { maskContact, maskName, maskSensitiveText, maskSensitiveValue } from './mask';

/** Who reads a ticket answer: their roles, the roster groups they belong to, and the agent they are (if any). */
export interface TicketViewer {
  readonly roles: readonly Role[];
  readonly groups: readonly string[];
  readonly agentId?: string | null | undefined;
}

/** Where a ticket is and who holds it: what decides who sees its customer in clear. */
interface TicketPlace {
  readonly group: string | null;
  readonly assignee: string | null;
}

/**
 * Whether a viewer sees a ticket's customer in clear: the ticket's assignee, holders of
 * `customer.contact` (supervisors) in the ticket's group, and admins. Everyone else reads it masked.
 * @example seesCustomerContact({ roles: ['agent'], groups: ['g1'], agentId: 'li-na' }, { group: 'g1', assignee: 'li-na' }); // true
 */
export function seesCustomerContact(viewer: TicketViewer, ticket: TicketPlace): boolean {
  if (viewer.roles.includes('admin')) return true;
  if (viewer.agentId && ticket.assignee === viewer.agentId) return true;
  return rolesAllow(viewer.roles, 'customer.contact') && ticket.group !== null && viewer.groups.includes(ticket.group);
}

/** The customer values of one ticket, to mask wherever they were written out (a reply that greets them by name). */
interface KnownCustomer {
  readonly name: string;
  readonly contact?: string | undefined;
}

/**
 * A text masker for one ticket's answers: the customer's own name and contact wherever they
 * appear, then phone numbers, emails, ID and card numbers (`maskSensitiveText`).
 * @example maskerFor({ name: '王小明' })('王小明您好，电话13812345678'); // '王**您好，电话138****5678'
 */
export function maskerFor(customer: KnownCustomer): (text: string) => string {
  const known = [
    [customer.name, maskName(customer.name)],
    [customer.contact ?? '', maskContact(customer.contact ?? '')],
  ].filter(([value = '']) => value.trim().length >= 2);
  return (text) => maskSensitiveText(known.reduce((out, [value = '', masked = '']) => out.replaceAll(value, masked), text));
}

/**
 * A ticket as a viewer who may not see its customer reads it: name and contact masked, and
 * the personal data inside its subject, body and recent messages.
 * @example maskTicketView(view).customer.contact; // '138****5678'
 */
export function maskTicketView(view: TicketView): TicketView {
  const mask = maskerFor(view.customer);
  return {
    ...view,
    subject: mask(view.subject),
    body: mask(view.body),
    customer: {
      ...view.customer,
      name: maskName(view.customer.name),
      ...(view.customer.contact === undefined ? {} : { contact: maskContact(view.customer.contact) }),
    },
    stats: { ...view.stats, recentMessages: view.stats.recentMessages.map(mask) },
  };
}

/** A ticket's history as a viewer who may not see its customer reads it. */
export function maskHistory(entries: readonly HistoryEntry[], customer: KnownCustomer): HistoryEntry[] {
  const mask = maskerFor(customer);
  return entries.map((entry) => ({ ...entry, detail: maskDeep(maskSensitiveValue(entry.detail), mask) }));
}

/** A ticket's conversation as a viewer who may not see its customer reads it. */
export function maskMessages(messages: readonly TicketMessage[], customer: KnownCustomer): TicketMessage[] {
  const mask = maskerFor(customer);
  return messages.map((message) => ({
    ...message,
    body: mask(message.body),
    recipient: message.recipient === null ? null : mask(message.recipient),
  }));
}

function maskDeep(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((inner) => maskDeep(inner, mask));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDeep(inner, mask)]));
  }
  return value;
}
