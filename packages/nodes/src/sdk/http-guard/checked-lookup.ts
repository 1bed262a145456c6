import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AddressRefusal, addressRefusal } from './address-refusal';

/** A name resolved to an address a flow may not call; turned into an HttpRefusedError by the guarded fetch. */
export class AddressRefusedError extends Error {
  constructor(
    readonly hostname: string,
    readonly refusal: AddressRefusal,
  ) {
    super(`${hostname} resolves to ${refusal.address}, ${refusal.en}`);
    this.name = 'AddressRefusedError';
  }
}

/** How a name is resolved (all addresses); `dns.lookup` by default, a test's own to fake a rebinding name. */
export type ResolveAll = (hostname: string, family: number) => Promise<readonly LookupAddress[]>;

const systemResolve: ResolveAll = (hostname, family) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, family }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/**
 * A `lookup` for the socket's connect: resolves the name, refuses it when ANY of its addresses
 * is not public (a name with one public and one loopback address is refused), and hands the
 * socket exactly the addresses it checked, so the connection goes to a checked address and a
 * DNS answer that changes between check and connect cannot slip an internal one in.
 */
export function checkedLookup(resolveAll: ResolveAll = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (addresses) => {
        for (const { address } of addresses) {
          const refusal = addressRefusal(address);
          if (refusal) return callback(new AddressRefusedError(hostname, refusal), '', 0);
        }
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        // With autoSelectFamily (Node's default) the socket asks for every address.
        if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, [...addresses]);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
