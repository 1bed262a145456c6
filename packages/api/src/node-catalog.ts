import { z } from 'zod';

export const LocalizedText = z.object({ en: z.string(), 'zh-CN': z.string() }).meta({ id: 'LocalizedText' });

/** A node type flows can use (GET /api/nodes), its config as JSON Schema for generated forms. */
export const CatalogEntry = z
  .object({
    type: z.string(),
    version: z.number().int(),
    kind: z.enum(['trigger', 'condition', 'action', 'wait', 'end']),
    title: LocalizedText,
    description: LocalizedText.optional(),
    icon: z.string().optional(),
    sideEffect: z.boolean(),
    ports: z.array(z.string()),
    /** JSON Schema (draft 2020-12) of the node's config. */
    configSchema: z.unknown(),
    /** Secrets the node reads: names and whether each is set, never values. */
    secrets: z.array(z.object({ name: z.string(), set: z.boolean().optional() })).optional(),
    /** Actions that declare an output: its JSON Schema, read by later nodes as `vars.<node id>` (`{ not: {} }`: none). */
    outputSchema: z.unknown().optional(),
  })
  .meta({ id: 'CatalogEntry' });
export type CatalogEntry = z.infer<typeof CatalogEntry>;
export const NodeCatalog = z.array(CatalogEntry);

/** GET /api/health. */
export const Health = z.object({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
