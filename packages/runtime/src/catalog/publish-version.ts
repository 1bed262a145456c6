import type { VersionPublished } from '@switchyard/api';
import { compiledFlowShape } from '../db/stored/compiled-flow-shape';
import { flowDocumentShape } from '../db/stored/flow-document-shape';
import type { RuntimeContext } from '../durable/runtime-context';
import { NotFoundError } from '../errors';
import { appendAudit } from './append-audit';
import { compileOrRefuse } from './compile-or-refuse';
import { draftConflictError } from './draft-conflict';
import { inTransaction } from './in-transaction';
import { readDraft } from './read-document';

/**
 * Publishes a flow's draft as its next version (1, 2, 3...): compiled, stored with its
 * machine, never changed afterwards. A draft that does not validate is refused with a 422
 * whose details are its diagnostics, and no version is written. Given `expectedRevision`,
 * exactly that revision of the draft is published: a draft that moved on is refused with a
 * 409 carrying the current revision and document.
 *
 * The flow row is locked while the number is chosen, so concurrent publishes of one flow
 * queue up and each gets its own number, and no save slips in between the check and the copy.
 * @example const { version } = await publishVersion(ctx, 'intake', 'alice', 7);
 */
export async function publishVersion(
  ctx: RuntimeContext,
  id: string,
  actor: string,
  expectedRevision?: number,
  /** The publishing user's id, kept for the two-person rule (`admin` for the admin token); seeding publishes as nobody. */
  publishedBy?: string,
): Promise<VersionPublished> {
  return inTransaction(ctx.db, async (trx) => {
    const flow = await trx.selectFrom('flows').select(['draft', 'revision']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!flow) throw new NotFoundError('flow', id);
    const document = readDraft(id, flow.draft);
    if (expectedRevision !== undefined && flow.revision !== expectedRevision)
      throw draftConflictError(id, expectedRevision, flow.revision, document, 'publish');
    const compiled = compileOrRefuse(id, document, ctx.registry);
    const latest = await trx
      .selectFrom('flow_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('flow_id', '=', id)
      .executeTakeFirst();
    const version = (latest?.version ?? 0) + 1;
    const now = ctx.clock.now();
    await trx
      .insertInto('flow_versions')
      .values({
        flow_id: id,
        version,
        document: flowDocumentShape.json(document),
        compiled: compiledFlowShape.json(compiled),
        author: actor,
        created_at: now,
        published_by: publishedBy ?? null,
      })
      .execute();
    await appendAudit(trx, { at: now, actor, kind: 'flow.published', flowId: id, detail: { version, revision: flow.revision } });
    return { version, revision: flow.revision };
  });
}
