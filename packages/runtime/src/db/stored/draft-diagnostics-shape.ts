import { Diagnostic } from '@switchyard/api';
import { z } from 'zod';
import { sameShape } from './same-shape';
import { defineStoredShape } from './stored-shape';

/**
 * What `flows.diagnostics` keeps: the draft's diagnostics as the API shows them, and a
 * fingerprint of the node types they were computed against (installing or upgrading a node can
 * change what validates). Version 1; rows written before versions were recorded are the same.
 */
export const DraftDiagnostics = z.object({ registry: z.string(), diagnostics: z.array(Diagnostic) });
export type DraftDiagnostics = z.infer<typeof DraftDiagnostics>;

export const draftDiagnosticsShape = defineStoredShape({
  name: 'draft-diagnostics',
  version: 1,
  schema: DraftDiagnostics,
  migrations: [sameShape],
});
