import { describe, expect, it } from 'vitest';
import { addressRefusal, isMetadataName } from './address-refusal';
import { AddressRefusedError, checkedLookup } from './checked-lookup';
import { isAllowedHost, parseHttpAllow } from './http-allow-list';

// The decision alone: nothing here opens a socket (no test may dial a non-loopback address).
describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['192.0.2.1', 'reserved'],
  ])('refuses %s (%s)', (address, range) => {
    const refusal = addressRefusal(address);
    expect(refusal?.range).toBe(range);
    expect(refusal?.en).toMatch(/address|service/);
    expect(refusal?.zh).toMatch(/地址|服务/);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'lets %s through',
    (address) => {
      expect(addressRefusal(address)).toBeUndefined();
    },
  );

  it('refuses what is not an address at all', () => {
    expect(addressRefusal('not-an-ip')?.range).toBe('reserved');
  });

  it('knows the metadata host names, whatever their case or trailing dot', () => {
    expect(isMetadataName('metadata.google.internal')).toBe(true);
    expect(isMetadataName('Metadata.Google.Internal.')).toBe(true);
    expect(isMetadataName('erp.example.com')).toBe(false);
  });
});

describe('checkedLookup', () => {
  const lookupWith = (addresses: readonly string[]) =>
    checkedLookup(() => Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))));
  const run = (addresses: readonly string[], all: boolean) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) => {
      lookupWith(addresses)('erp.example.test', { all }, (error, result) => resolve({ error, result }));
    });

  it('refuses a name when any of its addresses is internal, naming the name and the address', async () => {
    const { error } = await run(['93.184.216.34', '169.254.169.254'], true);
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error?.message).toBe('erp.example.test resolves to 169.254.169.254, a cloud metadata service');
  });

  it('refuses a name that resolves to a private address', async () => {
    const { error } = await run(['10.0.0.7'], false);
    expect(error?.message).toMatch(/10\.0\.0\.7, a private network address/);
  });

  it('hands the socket exactly the addresses it checked, in the form asked for', async () => {
    expect(await run(['93.184.216.34', '2606:4700:4700::1111'], true)).toEqual({
      error: null,
      result: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700:4700::1111', family: 6 },
      ],
    });
    expect((await run(['93.184.216.34'], false)).result).toBe('93.184.216.34');
  });
});

describe('SWITCHYARD_HTTP_ALLOW', () => {
  const allow = parseHttpAllow(' ERP.internal , 127.0.0.1:4010,,');

  it('reads comma-separated hosts, trimmed and lower-cased', () => {
    expect(allow).toEqual(['erp.internal', '127.0.0.1:4010']);
    expect(parseHttpAllow(undefined)).toEqual([]);
  });

  it('matches a bare name on any port, name:port on that port only (the default port when the URL has none)', () => {
    expect(isAllowedHost(new URL('https://erp.internal/x'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://erp.internal:8080/x'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:4010/x'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://127.0.0.1:4011/x'), allow)).toBe(false);
    expect(isAllowedHost(new URL('http://127.0.0.1/x'), allow)).toBe(false);
    expect(isAllowedHost(new URL('http://localhost:80/x'), ['localhost:80'])).toBe(true);
    expect(isAllowedHost(new URL('http://erp.internal.evil.com/x'), allow)).toBe(false);
  });
});
