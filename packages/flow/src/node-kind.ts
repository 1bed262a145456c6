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
  /** What people call the type, in both languages (problems name a node without a label by it). */
  readonly title?: { readonly en: string; readonly 'zh-CN': string };
  readonly config: z.ZodType;
  /** Output ports for a given (valid) config, in drawing order. */
  ports(config: unknown): readonly string[];
  /** Wait nodes: the ticket events this wait listens for (for cycle and timer checks). */
  waitsFor?(config: unknown): readonly string[];
  /** Risks in a valid config that validation reports as warnings (never errors). */
  warnings?(config: unknown): readonly ConfigWarning[];
  /**
   * Actions: the shape of the output later nodes read as `vars.<id>`; `z.never()` when it
   * leaves none. Absent: not declared, so any name below `vars.<id>` is accepted.
   */
  readonly output?: z.ZodType;
}

/** Looks node types up by name. */
export interface NodeCatalog {
  /** The given version of a type (a flow node's `typeVersion`), or its newest. */
  get(type: string, version?: number): NodeSpec | undefined;
}
