import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';
import { bilingual } from './localized-message';

/** Node and flow ids become XState state keys: no dots, no leading underscore. */
export const Identifier = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    bilingual('use letters, digits, "-" and "_" and start with a letter or digit', '只能使用字母、数字、"-" 和 "_"，并以字母或数字开头'),
  )
  .max(INPUT_LIMITS.identifier);

export const Position = z.strictObject({ x: z.number(), y: z.number() });

/**
 * The path of the first string in a node's config longer than `INPUT_LIMITS.configText`.
 * Node schemas check their own fields; this bounds every text of every node type, custom
 * ones included, before one is stored and rendered for every ticket. Iterative: a config
 * read from a file has no depth limit.
 */
function overlongConfigText(config: Record<string, unknown>): (string | number)[] | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: config, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (value.length > INPUT_LIMITS.configText) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => pending.push({ value: item, path: [...path, i] }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}

/** A node's config: any JSON its type's schema accepts, no text in it over `INPUT_LIMITS.configText`. */
const NodeConfig = z
  .record(z.string(), z.unknown())
  .default({})
  .superRefine((config, ctx) => {
    const path = overlongConfigText(config);
    if (path) {
      const limit = INPUT_LIMITS.configText.toLocaleString('en');
      ctx.addIssue({ code: 'custom', path, message: bilingual(`at most ${limit} characters`, `最多 ${limit} 个字符`) });
    }
  });

export const FlowNode = z.strictObject({
  id: Identifier,
  type: z.string().min(1).max(INPUT_LIMITS.id),
  /** Node type version the config was written for; the catalog's newest when absent. */
  typeVersion: z.number().int().positive().optional(),
  label: z.string().max(INPUT_LIMITS.name).optional(),
  config: NodeConfig,
  position: Position.default({ x: 0, y: 0 }),
});
export type FlowNode = z.infer<typeof FlowNode>;

export const FlowEdge = z.strictObject({
  id: Identifier,
  source: z.string().min(1).max(INPUT_LIMITS.identifier),
  /** Output port of the source ("true", "false", "next", "error", "event", "timeout", ...). */
  sourceHandle: z.string().min(1).max(INPUT_LIMITS.identifier).default('next'),
  target: z.string().min(1).max(INPUT_LIMITS.identifier),
});
export type FlowEdge = z.infer<typeof FlowEdge>;

/** A flow as the editor draws it and the server versions it: the single source of truth. */
export const FlowDocument = z.strictObject({
  id: Identifier,
  name: z.string().min(1).max(INPUT_LIMITS.name),
  description: z.string().max(INPUT_LIMITS.description).default(''),
  nodes: z.array(FlowNode),
  edges: z.array(FlowEdge),
});
export type FlowDocument = z.infer<typeof FlowDocument>;
export type FlowDocumentInput = z.input<typeof FlowDocument>;
