import { type Diagnostic, FlowDocument, validateFlow } from '@switchyard/flow';
import { json } from '../db/schema';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError, RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';

/**
 * Saves a flow's draft and returns its diagnostics. A draft is saved even when it would not
 * publish (a supervisor saves work in progress); a value that is not a flow document at all
 * (a missing `nodes`, a malformed id) is refused with a 400 naming the field, and nothing is
 * written. The flow's name and description follow the draft's.
 * @example const diagnostics = await saveDraft(ctx, 'intake', document, 'alice');
 */
export async function saveDraft(ctx: RuntimeContext, id: string, document: unknown, actor: string): Promise<readonly Diagnostic[]> {
  const draft = parseInput(FlowDocument, document, 'document');
  if (draft.id !== id) {
    throw new RuntimeInputError('invalid request', 400, [{ path: 'document.id', message: `must be the flow's id "${id}"` }]);
  }
  const { diagnostics } = validateFlow(draft, ctx.registry);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const updated = await trx
      .updateTable('flows')
      .set({ draft: json(draft), name: draft.name, description: draft.description, updated_at: now })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new NotFoundError('flow', id);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    await appendAudit(trx, { at: now, actor, kind: 'flow.draft_saved', flowId: id, detail: { errors } });
  });
  return diagnostics;
}
