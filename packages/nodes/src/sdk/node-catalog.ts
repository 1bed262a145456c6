import { z } from 'zod';
import type { LocalizedText, NodeDefinition } from './define-node';

/** A node type as the editor palette and `GET /api/nodes` show it: plain JSON. */
export interface CatalogEntry {
  readonly type: string;
  readonly version: number;
  readonly kind: NodeDefinition['kind'];
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly icon?: string;
  readonly sideEffect: boolean;
  /** Output ports for the default config (conditions with cases may have more). */
  readonly ports: readonly string[];
  /** The config schema as JSON Schema (draft 2020-12), for generated forms. */
  readonly configSchema: unknown;
  /** Secrets the node reads, by name (never values); `set` when the host said which are. */
  readonly secrets: readonly CatalogSecret[];
  /** Actions that declare their output: its JSON Schema (`vars.<node id>`); `{ not: {} }` when they leave none. */
  readonly outputSchema?: unknown;
}

/** A secret a node declared; whether it is set, when known. */
export interface CatalogSecret {
  readonly name: string;
  readonly set?: boolean;
}

export interface DescribeOptions {
  /** Whether a secret has a value (environment or secrets table); absent: `set` is left out. */
  readonly secretIsSet?: (name: string) => boolean;
}

/**
 * Describes node definitions for clients: titles, ports and each config as JSON Schema.
 * @example describeNodes(registry.list()).map((n) => n.type)
 */
export function describeNodes(definitions: readonly NodeDefinition[], options: DescribeOptions = {}): CatalogEntry[] {
  const { secretIsSet } = options;
  return definitions.map((def) => {
    const secrets = def.kind === 'action' ? (def.secrets ?? []) : [];
    const defaults = def.config.safeParse({});
    return {
      type: def.type,
      version: def.version,
      kind: def.kind,
      title: def.title,
      ...(def.description ? { description: def.description } : {}),
      ...(def.icon ? { icon: def.icon } : {}),
      sideEffect: def.kind === 'action' && def.sideEffect === true,
      // A wait that names an event always has both ports, whatever event is picked later.
      ports: def.kind === 'wait' && def.event ? ['event', 'timeout'] : def.ports(defaults.success ? defaults.data : {}),
      configSchema: z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }),
      secrets: secrets.map((name) => (secretIsSet ? { name, set: secretIsSet(name) } : { name })),
      ...(def.kind === 'action' && def.output
        ? { outputSchema: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }) }
        : {}),
    };
  });
}
