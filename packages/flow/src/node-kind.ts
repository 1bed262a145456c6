import { z } from 'zod';

/** What a node does in a flow; the compiler needs nothing else to place it. */
export const NodeKind = z.enum(['trigger', 'condition', 'action', 'wait', 'end']);
export type NodeKind = z.infer<typeof NodeKind>;

/** Something valid but risky in a node's config (an unescaped template), reported as a warning. */
export interface ConfigWarning {
  /** The config field, dotted (`url`, `headers.x-token`). */
  readonly field: string;
  /** English, made with `bilingual(en, zh)` so validation has the Chinese too. */
  readonly message: string;
}

/**
 * What validation and compilation need to know about a node type. The node SDK's
 * definitions satisfy it; the flow model stays free of node code.
 */
export interface NodeSpec {
  readonly type: string;
  readonly kind: NodeKind;
  readonly config: z.ZodType;
  /** Output ports for a given (valid) config, in drawing order. */
  ports(config: unknown): readonly string[];
  /** Wait nodes: the ticket events this wait listens for (for cycle and timer checks). */
  waitsFor?(config: unknown): readonly string[];
  /** Risks in a valid config that validation reports as warnings (never errors). */
  warnings?(config: unknown): readonly ConfigWarning[];
}

/** Looks node types up by name. */
export interface NodeCatalog {
  /** The given version of a type (a flow node's `typeVersion`), or its newest. */
  get(type: string, version?: number): NodeSpec | undefined;
}
