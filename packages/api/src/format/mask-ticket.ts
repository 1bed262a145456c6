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
  const known: [RegExp, string][] = [];
  const name = knownValuePattern(customer.name);
  if (name) known.push([name, maskName(customer.name)]);
  const contact = knownValuePattern(customer.contact ?? '');
  if (contact) known.push([contact, maskContact(customer.contact ?? '')]);
  return (text) => maskSensitiveText(known.reduce((out, [pattern, masked]) => out.replace(pattern, masked), text));
}

/**
 * Where a known value appears in text: a Chinese name anywhere (2 characters or more), a
 * Latin one as a whole word of 3 or more (so `Li` does not mask `Lights`, nor `flow` a `flow.transition`).
 */
function knownValuePattern(value: string): RegExp | undefined {
  const text = value.trim();
  const latin = /^[\x20-\x7e]+$/.test(text);
  if (text.length < (latin ? 3 : 2)) return undefined;
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(latin ? `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])` : escaped, 'g');
}

/**
 * `maskerFor(customer)` applied to every string deep inside a value (an audit detail that
 * holds a rendered reply); the result has the value's shape.
 * @example maskCustomerIn({ body: '王小明您好' }, { name: '王小明' }); // { body: '王**您好' }
 */
export function maskCustomerIn<T>(value: T, customer: KnownCustomer): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- only strings change: the walk keeps every object's and array's shape
  return maskDeep(value, maskerFor(customer)) as T;
}

/**
 * An audit fact (or entry) with the customer masked in its detail only: its kind and ids stay as they are.
 * @example maskCustomerInDetail({ kind: 'action', detail: { params: { body: '王小明您好' } } }, { name: '王小明' });
 */
export function maskCustomerInDetail<F extends { readonly detail: unknown }>(fact: F, customer: KnownCustomer): F {
  return { ...fact, detail: maskCustomerIn(fact.detail, customer) };
}

/**
 * `maskCustomerInDetail` for the many facts of one ticket's run: the customer's patterns are built
 * once, and each distinct string (a node id, an event type) is masked once.
 * @example const mask = customerDetailMasker({ name: '王小明' }); mask({ kind: 'action', detail: { body: '王小明您好' } });
 */
export function customerDetailMasker(customer: KnownCustomer): <F extends { readonly detail: unknown }>(fact: F) => F {
  const masker = maskerFor(customer);
  const seen = new Map<string, string>();
  const mask = (text: string): string => {
    let masked = seen.get(text);
    if (masked === undefined) {
      masked = masker(text);
      seen.set(text, masked);
    }
    return masked;
  };
  return (fact) => ({ ...fact, detail: maskDeep(fact.detail, mask) });
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
