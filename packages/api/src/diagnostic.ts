import { z } from 'zod';

/** A problem in a flow, naming its node, edge or field (packages/flow's `Diagnostic`). */
export const Diagnostic = z
  .object({
    /** Stable: `missing_branch`, `invalid_config`, ... */
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    /** English; the editor renders zh-CN from the code and params. */
    message: z.string(),
    nodeId: z.string().optional(),
    edgeId: z.string().optional(),
    field: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'Diagnostic' });
export type Diagnostic = z.infer<typeof Diagnostic>;

/** What saving a draft answers: the draft is saved as `revision`, and these are its problems. */
export const DraftSaved = z.object({ diagnostics: z.array(Diagnostic), revision: z.number().int().min(1) }).meta({ id: 'DraftSaved' });
export type DraftSaved = z.infer<typeof DraftSaved>;
