import type { DataKeyRing } from './data-key-ring';

/** The associated data of customer values: a sealed secret pasted into a customer row does not open. */
export const CUSTOMER_PURPOSE = 'customer';

/** The customer fields kept sealed at rest (name and contact); the rest (id, tier) stays as it is. */
interface CustomerFields {
  readonly name: string;
  readonly contact?: string | undefined;
}

/**
 * The customer with its name and contact sealed with the current data key.
 * @example const stored = sealCustomer(ring, ticket.customer);
 */
export function sealCustomer<C extends CustomerFields>(ring: DataKeyRing, customer: C): C {
  return {
    ...customer,
    name: ring.seal(customer.name, CUSTOMER_PURPOSE),
    ...(customer.contact === undefined ? {} : { contact: ring.seal(customer.contact, CUSTOMER_PURPOSE) }),
  };
}

/**
 * The customer with its name and contact opened (values stored before encryption pass through).
 * Throws `DataKeyError` when a value's key is not in the ring.
 */
export function openCustomer<C extends CustomerFields>(ring: DataKeyRing, customer: C): C {
  return {
    ...customer,
    name: ring.open(customer.name, CUSTOMER_PURPOSE),
    ...(customer.contact === undefined ? {} : { contact: ring.open(customer.contact, CUSTOMER_PURPOSE) }),
  };
}
