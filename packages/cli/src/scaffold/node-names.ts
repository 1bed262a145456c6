import { TYPE_NAME } from '@switchyard/nodes';

/** The names a scaffolded node package derives from its type (`acme.refund`). */
export interface NodeNames {
  readonly type: string;
  /** `acme-refund`: the folder, file and package names. */
  readonly slug: string;
  /** `acmeRefund`: the exported definition. */
  readonly exportName: string;
  /** `ACME_API_KEY`: the secret the template reads. */
  readonly secret: string;
  /** `ACME_URL`: where the service is when the config does not say. */
  readonly urlVariable: string;
  /** `refund`: the path the template POSTs to. */
  readonly action: string;
}

/**
 * Names for a custom node type, or undefined when the type is not `vendor.action`
 * (lower-case snake_case parts, at least one dot: custom nodes are namespaced so they never
 * take a built-in's name).
 * @example nodeNames('acme.refund')?.exportName // "acmeRefund"
 */
export function nodeNames(type: string): NodeNames | undefined {
  if (!TYPE_NAME.test(type) || !type.includes('.')) return undefined;
  const parts = type.split(/[._]/);
  const [namespace = ''] = type.split('.');
  const vendor = namespace.toUpperCase();
  return {
    type,
    slug: parts.join('-'),
    exportName: parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join(''),
    secret: `${vendor}_API_KEY`,
    urlVariable: `${vendor}_URL`,
    action: type.split('.').slice(1).join('/').replaceAll('_', '-'),
  };
}
