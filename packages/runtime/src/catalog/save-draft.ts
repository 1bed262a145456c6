import type { DraftSaved } from '@switchyard/api';
import { FlowDocument, validateFlow } from '@switchyard/flow';
import { json } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { draftConflict } from './draft-conflict';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';

/**
 * Saves a flow's draft as its next revision and returns that revision with the draft's
 * diagnostics. A draft is saved even when it would not publish (a supervisor saves work in
 * progress); a value that is not a flow document at all (a missing `nodes`, a malformed id) is
 * refused with a 400 naming the field, and nothing is written. The flow's name and description
 * follow the draft's.
 *
 * Given `expectedRevision` (the revision the caller last saw), the save happens only if the
 * draft is still at it, checked in the UPDATE itself; otherwise a 409 carries the current
 * revision and document, and nothing is written. Without it the last save wins.
 * @example const { diagnostics, revision } = await saveDraft(ctx, 'intake', document, 'alice', 3);
 */
export async function saveDraft(ctx: RuntimeContext, id: string, document: unknown, actor: string, expectedRevision?: number): Promise<DraftSaved> {
  const draft = parseInput(FlowDocument, document, 'document');
  if (draft.id !== id) {
    throw new RuntimeInputError('invalid request', 400, [{ path: 'document.id', message: `must be the flow's id "${id}"` }]);
  }
  const { diagnostics } = validateFlow(draft, ctx.registry);
  const now = ctx.clock.now();
  const revision = await inTransaction(ctx.db, async (trx) => {
    let update = trx
      .updateTable('flows')
      .set((eb) => ({ draft: json(draft), name: draft.name, description: draft.description, updated_at: now, revision: eb('revision', '+', 1) }))
      .where('id', '=', id);
    if (expectedRevision !== undefined) update = update.where('revision', '=', expectedRevision);
    const updated = await update.returning('revision').executeTakeFirst();
    if (!updated) {
      if (expectedRevision === undefined) throw new NotFoundError('flow', id);
      throw await draftConflict(trx, id, expectedRevision, 'save');
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    await appendAudit(trx, { at: now, actor, kind: 'flow.draft_saved', flowId: id, detail: { errors, revision: updated.revision } });
    return updated.revision;
  });
  return { diagnostics: [...diagnostics], revision };
}
