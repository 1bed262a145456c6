import { FlowDocument, Identifier, INPUT_LIMITS } from '@switchyard/flow';
import { z } from 'zod';

/**
 * What creating a flow takes: a name, and optionally a starting document whose id (when
 * given) becomes the flow's id. Without a document the draft starts empty.
 */
export const NewFlow = z.strictObject({
  name: z.string().trim().min(1).max(INPUT_LIMITS.name),
  description: z.string().max(INPUT_LIMITS.description).optional(),
  document: FlowDocument.extend({
    id: Identifier.optional(),
    name: z.string().max(INPUT_LIMITS.name).optional(),
    nodes: FlowDocument.shape.nodes.default([]),
    edges: FlowDocument.shape.edges.default([]),
  }).optional(),
});
export type NewFlow = z.input<typeof NewFlow>;
