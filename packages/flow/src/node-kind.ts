import { z } from 'zod';

/** What a node does in a flow; the compiler needs nothing else to place it. */
export const NodeKind = z.enum(['trigger', 'condition', 'action', 'wait', 'end']);
export type NodeKind = z.infer<typeof NodeKind>;

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
}

/** Looks node types up by name. */
export interface NodeCatalog {
  /** The given version of a type (a flow node's `typeVersion`), or its newest. */
  get(type: string, version?: number): NodeSpec | undefined;
}
