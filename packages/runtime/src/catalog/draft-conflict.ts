import type { DraftConflict } from '@switchyard/api';
import type { FlowDocument } from '@switchyard/flow';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { NotFoundError, RevisionConflictError } from '../errors';
import { readDraft } from './read-document';

/** What a refused save or publish was trying to do, for the message. */
export type DraftAction = 'save' | 'publish';

/**
 * The 409 for a save or publish made against revision `expected` of a draft that moved on: reads
 * the flow's current revision and document in the caller's transaction (404 when the flow is gone).
 */
export async function draftConflict(
  trx: Kysely<Database>,
  flowId: string,
  expected: number,
  action: DraftAction,
): Promise<RevisionConflictError<DraftConflict>> {
  const row = await trx.selectFrom('flows').select(['revision', 'draft']).where('id', '=', flowId).executeTakeFirst();
  if (!row) throw new NotFoundError('flow', flowId);
  return draftConflictError(flowId, expected, row.revision, readDraft(flowId, row.draft), action);
}

/** The same 409 from a row the caller already holds. */
export function draftConflictError(
  flowId: string,
  expected: number,
  revision: number,
  document: FlowDocument,
  action: DraftAction,
): RevisionConflictError<DraftConflict> {
  const message =
    action === 'save'
      ? {
          en: `flow ${flowId}: someone saved the draft since revision ${expected} (it is at revision ${revision}); nothing was saved`,
          'zh-CN': `流程 ${flowId}：自修订 ${expected} 以来草稿已被他人保存（当前为修订 ${revision}）；未保存任何内容`,
        }
      : {
          en: `flow ${flowId}: the draft moved on from revision ${expected} to ${revision}; nothing was published`,
          'zh-CN': `流程 ${flowId}：草稿已从修订 ${expected} 变为 ${revision}；未发布任何版本`,
        };
  return new RevisionConflictError<DraftConflict>({
    error: message.en,
    details: [{ path: 'revision', message: `is ${expected}, the draft is at revision ${revision}` }],
    revision,
    document,
    message,
  });
}
