import type { DraftSaved } from '@switchyard/api';
import type { FlowDocument } from '@switchyard/flow';
import { draftDiagnosticsShape } from '../db/stored/draft-diagnostics-shape';
import { flowDocumentShape } from '../db/stored/flow-document-shape';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { draftConflict } from './draft-conflict';
import { diagnoseDraft } from './draft-diagnostics';
import { inTransaction } from './in-transaction';

/**
 * Saves a flow's draft as its next revision and returns that revision with the draft's
 * diagnostics, which are stored with it (the flow list reads them). A draft is saved even when
 * it would not publish (a supervisor saves work in progress). `document` comes parsed (the
 * route's `SaveDraftRequest`, or `FlowDocument.parse`) and is not parsed again; one whose id is
 * not the flow's is refused with a 400, and nothing is written. The flow's name and
 * description follow the draft's.
 *
 * Given `expectedRevision` (the revision the caller last saw), the save happens only if the
 * draft is still at it, checked in the UPDATE itself; otherwise a 409 carries the current
 * revision and document, and nothing is written. Without it the last save wins.
 * @example const { diagnostics, revision } = await saveDraft(ctx, 'intake', FlowDocument.parse(json), 'alice', 3);
 */
export async function saveDraft(
  ctx: RuntimeContext,
  id: string,
  draft: FlowDocument,
  actor: string,
  expectedRevision?: number,
): Promise<DraftSaved> {
  if (draft.id !== id) {
    throw new RuntimeInputError('invalid request', 400, [{ path: 'document.id', message: `must be the flow's id "${id}"` }]);
  }
  const stored = diagnoseDraft(draft, ctx.registry);
  const now = ctx.clock.now();
  const revision = await inTransaction(ctx.db, async (trx) => {
    let update = trx
      .updateTable('flows')
      .set((eb) => ({
        draft: flowDocumentShape.json(draft),
        diagnostics: draftDiagnosticsShape.json(stored),
        name: draft.name,
        description: draft.description,
        updated_at: now,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', id);
    if (expectedRevision !== undefined) update = update.where('revision', '=', expectedRevision);
    const updated = await update.returning('revision').executeTakeFirst();
    if (!updated) {
      if (expectedRevision === undefined) throw new NotFoundError('flow', id);
      throw await draftConflict(trx, id, expectedRevision, 'save');
    }
    const errors = stored.diagnostics.filter((d) => d.severity === 'error').length;
    await appendAudit(trx, { at: now, actor, kind: 'flow.draft_saved', flowId: id, detail: { errors, revision: updated.revision } });
    return updated.revision;
  });
  return { diagnostics: stored.diagnostics, revision };
}
