import { type RawBuilder, sql } from 'kysely';
import { CUSTOMER_PURPOSE } from '../data-keys/customer-fields';
import { dataKeys } from '../data-keys/runtime-data-keys';
import type { ParsedNewTicket } from './open-tickets';
import type { RuntimeContext } from './runtime-context';

type Customer = ParsedNewTicket['customer'];

/**
 * The upserts of a batch's customers, sealed at rest, one per set of fields given (usually one),
 * to send with the batch's other statements. A channel that knows less about a customer does not
 * erase what is known: a field left out keeps the stored one. A customer named twice in the batch
 * is merged first (later fields win, as two creations one after the other would leave it): one
 * statement cannot touch a row twice. The columns go as arrays (`unnest`), so a bulk import's
 * thousands of customers are four parameters, not four per customer.
 * @example const upserts = customerUpserts(ctx, [ticket.customer]);
 */
export function customerUpserts(ctx: RuntimeContext, customers: readonly Customer[]): RawBuilder<unknown>[] {
  const merged = new Map<string, Customer>();
  for (const c of customers) {
    const seen = merged.get(c.id);
    const name = c.name ?? seen?.name;
    const tier = c.tier ?? seen?.tier;
    const contact = c.contact ?? seen?.contact;
    merged.set(c.id, {
      id: c.id,
      ...(name === undefined ? {} : { name }),
      ...(tier === undefined ? {} : { tier }),
      ...(contact === undefined ? {} : { contact }),
    });
  }
  const groups = new Map<string, Customer[]>();
  for (const c of merged.values()) {
    const given = [c.name, c.tier, c.contact].map((v) => (v === undefined ? '-' : '+')).join('');
    const group = groups.get(given);
    if (group) group.push(c);
    else groups.set(given, [c]);
  }
  const keys = dataKeys(ctx);
  // Rows locked in id order, so two batches naming the same customers wait for each other rather than deadlock
  // (across field groups a deadlock stays possible: createTicket's batches retry their tickets one by one).
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => {
      group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const keep = (field: 'name' | 'tier' | 'contact') =>
        group[0]?.[field] === undefined ? sql.ref(`c.${field}`) : sql.ref(`excluded.${field}`);
      return sql`
        insert into customers as c (id, name, tier, contact)
        select u.id, u.name, u.tier, u.contact
        from unnest(${group.map((c) => c.id)}::text[], ${group.map((c) => (c.name === undefined ? '' : keys.seal(c.name, CUSTOMER_PURPOSE)))}::text[],
          ${group.map((c) => c.tier ?? 'standard')}::text[],
          ${group.map((c) => (c.contact === undefined ? null : keys.seal(c.contact, CUSTOMER_PURPOSE)))}::text[])
          with ordinality as u(id, name, tier, contact, i)
        order by u.i
        on conflict (id) do update set name = ${keep('name')}, tier = ${keep('tier')}, contact = ${keep('contact')}`;
    });
}
