import ipaddr from 'ipaddr.js';

/** Why an address may not be called from a flow: which kind of network it belongs to, in both languages. */
export interface AddressRefusal {
  /** The address checked (an IPv4-mapped IPv6 address is named as its IPv4 address). */
  readonly address: string;
  /** ipaddr.js's name of its range (`loopback`, `private`...) or `metadata`. */
  readonly range: string;
  readonly en: string;
  readonly zh: string;
}

/** Cloud instance-metadata endpoints (AWS/GCP/Azure/OpenStack, AWS IPv6, AWS ECS, Alibaba): the usual prize of an SSRF. */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set(['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200']);

/** Names that lead to a metadata service whatever they resolve to (some resolve only inside the cloud). */
const METADATA_NAMES: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
]);

const RANGE_WORDS: Readonly<Record<string, readonly [en: string, zh: string]>> = {
  metadata: ['a cloud metadata service', '云主机元数据服务'],
  loopback: ['a loopback address', '回环地址'],
  private: ['a private network address', '私有网络地址'],
  carrierGradeNat: ['a carrier-grade NAT address', '运营商级 NAT 地址'],
  uniqueLocal: ['a private (unique local) IPv6 address', '私有（唯一本地）IPv6 地址'],
  linkLocal: ['a link-local address', '链路本地地址'],
  unspecified: ['the unspecified address', '未指定地址'],
  multicast: ['a multicast address', '组播地址'],
  broadcast: ['the broadcast address', '广播地址'],
};

const OTHER_RANGE = ['a reserved, special-purpose address', '保留的特殊用途地址'] as const;

/**
 * Whether a flow may not call this IP address: anything but ordinary public unicast is refused
 * (loopback, RFC 1918, CGNAT, ULA, link-local, cloud metadata, unspecified, multicast,
 * broadcast, documentation and other reserved ranges). IPv4-mapped IPv6 (`::ffff:127.0.0.1`)
 * is judged as the IPv4 address it carries. Undefined: a public address. Not an address: refused.
 */
export function addressRefusal(address: string): AddressRefusal | undefined {
  if (!ipaddr.isValid(address)) return refusal(address, 'reserved');
  const parsed = ipaddr.process(address);
  // toString() is the compact form (`fd00:ec2::254`), as the set lists them.
  const normal = parsed.toString();
  if (METADATA_ADDRESSES.has(normal)) return refusal(normal, 'metadata');
  const range = parsed.range();
  return range === 'unicast' ? undefined : refusal(normal, range);
}

/** A host name that names a metadata service, refused before any DNS look-up. */
export function isMetadataName(hostname: string): boolean {
  return METADATA_NAMES.has(hostname.toLowerCase().replace(/\.$/, ''));
}

/** The refusal of a metadata host name. */
export function metadataNameRefusal(hostname: string): AddressRefusal {
  return refusal(hostname, 'metadata');
}

function refusal(address: string, range: string): AddressRefusal {
  const [en, zh] = RANGE_WORDS[range] ?? OTHER_RANGE;
  return { address, range, en, zh };
}
