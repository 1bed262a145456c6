import type { CreateFlowRequest, FlowCreated } from '@switchyard/api';
import type { FlowDocument } from '@switchyard/flow';
import type { z } from 'zod';
import { draftDiagnosticsShape } from '../db/stored/draft-diagnostics-shape';
import { flowDocumentShape } from '../db/stored/flow-document-shape';
import type { RuntimeContext } from '../durable/runtime-context';
import { RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { diagnoseDraft } from './draft-diagnostics';
import { flowIdFor } from './flow-id';
import { inTransaction } from './in-transaction';

/** A `CreateFlowRequest` as its schema parsed it (the route's validation, or `CreateFlowRequest.parse`). */
export type NewFlow = z.output<typeof CreateFlowRequest>;

/**
 * Creates a flow with its first draft, from a request already parsed: nothing is parsed again.
 * The id is the document's when one is given (409 when a flow already has it: an explicit id
 * is never silently changed), else a slug of the name with a random suffix. The draft's `id`
 * and `name` follow the flow's; its revision starts at 1, its diagnostics are stored with it.
 * @example const { id } = await createFlow(ctx, CreateFlowRequest.parse({ name: 'VIP intake', document }), 'alice');
 */
export async function createFlow(ctx: RuntimeContext, input: NewFlow, actor: string): Promise<FlowCreated> {
  const { name, description, document } = input;
  const explicitId = document?.id;
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    // A generated id is retried on the (unlikely) clash; an explicit one is the caller's to change.
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = explicitId ?? flowIdFor(name);
      const draft: FlowDocument = {
        id,
        name,
        description: description ?? document?.description ?? '',
        nodes: document?.nodes ?? [],
        edges: document?.edges ?? [],
      };
      const inserted = await trx
        .insertInto('flows')
        .values({
          id,
          name,
          description: draft.description,
          draft: flowDocumentShape.json(draft),
          diagnostics: draftDiagnosticsShape.json(diagnoseDraft(draft, ctx.registry)),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning(['id', 'revision'])
        .executeTakeFirst();
      if (inserted) {
        await appendAudit(trx, { at: now, actor, kind: 'flow.created', flowId: id, detail: { name } });
        return { id, revision: inserted.revision };
      }
      if (explicitId) break;
    }
    throw new RuntimeInputError(`flow ${explicitId ?? name} already exists`, 409, { field: 'document.id', id: explicitId });
  });
}
