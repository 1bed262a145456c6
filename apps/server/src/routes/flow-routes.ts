import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateFlowRequest,
  DraftConflict,
  DraftSaved,
  FlowCreated,
  FlowDetail,
  FlowList,
  FlowVersion,
  PublishRequest,
  SaveDraftRequest,
  VersionPublished,
} from '@switchyard/api';
import {
  createFlow,
  getFlow,
  getVersion,
  listFlows,
  NotFoundError,
  publishVersion,
  type RuntimeContext,
  saveDraft,
} from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { principalOf } from '../auth/principal';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const FlowParams = z.object({ id: z.string().min(1).max(100).meta({ example: 'refund-priority' }) });
const VersionParams = FlowParams.extend({ n: z.coerce.number().int().positive().meta({ example: 1 }) });
const tags = ['flows'];

/** The 409 of a save or publish against a draft revision someone else's save replaced. */
const draftConflict = {
  409: jsonContent(
    DraftConflict,
    'Someone saved the draft since `revision`: the answer carries the current revision and document; nothing was written',
    answerExample('saveDraft', 409),
  ),
};

const create = createRoute({
  method: 'post',
  operationId: 'createFlow',
  path: '/api/flows',
  description:
    'Creates a flow and its first draft (revision 1). With `document`, its id becomes the flow id and its nodes the draft; without, the draft starts empty. A draft never runs: publish it, then deploy a version.',
  tags,
  summary: 'Create a flow with its first draft',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateFlowRequest, example: REQUEST_EXAMPLES.createFlow } } },
  },
  responses: { 201: jsonContent(FlowCreated, 'Created', answerExample('createFlow', 201)), ...errorResponses(400, 409) },
});

const list = createRoute({
  method: 'get',
  operationId: 'listFlows',
  path: '/api/flows',
  description:
    'Lists every flow with its latest published version and its deployment. Deployed flows come first, in the order they run on each ticket (`deployment.position`), then the rest by name.',
  tags,
  summary: 'Every flow with its latest version and deployment, deployed ones first in run order',
  responses: { 200: jsonContent(FlowList, 'The flows', answerExample('listFlows', 200)), ...errorResponses() },
});

const detail = createRoute({
  method: 'get',
  operationId: 'getFlow',
  path: '/api/flows/{id}',
  description:
    'Reads one flow: its current draft with the draft revision to send back on the next save, the problems validation finds in it, its published versions (oldest first, each with its change note) and its deployment.',
  tags,
  summary: 'A flow: its draft with diagnostics, its published versions, its deployment',
  request: { params: FlowParams },
  responses: { 200: jsonContent(FlowDetail, 'The flow', answerExample('getFlow', 200)), ...errorResponses(400, 404) },
});

const draft = createRoute({
  method: 'put',
  operationId: 'saveDraft',
  path: '/api/flows/{id}/draft',
  description:
    'Saves the document as the next draft revision, even when it has problems (they come back as diagnostics). Send the `revision` you last read: if someone saved since, nothing is written and the 409 carries their draft.',
  tags,
  summary:
    "Save the flow's draft (even when it would not publish) as its next revision and get its diagnostics; with `revision`, only if nobody saved since",
  request: {
    params: FlowParams,
    body: { required: true, content: { 'application/json': { schema: SaveDraftRequest, example: REQUEST_EXAMPLES.saveDraft } } },
  },
  responses: {
    200: jsonContent(DraftSaved, 'Saved as `revision`; these are its problems', answerExample('saveDraft', 200)),
    ...errorResponses(400, 404),
    ...draftConflict,
  },
});

const publish = createRoute({
  method: 'post',
  operationId: 'publishVersion',
  path: '/api/flows/{id}/versions',
  description:
    'Freezes the draft as the next immutable version, after checking that it validates and compiles (422 with its diagnostics otherwise). A published version never changes; deploy it with PUT /api/flows/{id}/rollout.',
  tags,
  summary: 'Publish the draft as the next immutable version; with `revision`, exactly that revision of the draft',
  request: {
    params: FlowParams,
    body: { required: false, content: { 'application/json': { schema: PublishRequest, example: REQUEST_EXAMPLES.publishVersion } } },
  },
  responses: {
    201: jsonContent(VersionPublished, 'Published', answerExample('publishVersion', 201)),
    ...errorResponses(400, 404, 422),
    ...draftConflict,
  },
});

const version = createRoute({
  method: 'get',
  operationId: 'getFlowVersion',
  path: '/api/flows/{id}/versions/{n}',
  description:
    'Reads a published version: the document as it was published and the state machine compiled from it. Versions never change, so the answer can be cached.',
  tags,
  summary: 'A published version: its document and compiled machine',
  request: { params: VersionParams },
  responses: { 200: jsonContent(FlowVersion, 'The version', answerExample('getFlowVersion', 200)), ...errorResponses(400, 404) },
});

/** The flow catalog: drafts, versions (publishing), reads. */
export function flowRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(create, async (c) => c.json(await createFlow(ctx, c.req.valid('json'), c.get('actor')), 201))
    .openapi(list, async (c) => c.json(await listFlows(ctx.db, ctx.registry), 200))
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const flow = await getFlow(ctx.db, id, ctx.registry);
      if (!flow) throw new NotFoundError('flow', id);
      return c.json(flow, 200);
    })
    .openapi(draft, async (c) => {
      const { document, revision } = c.req.valid('json');
      return c.json(await saveDraft(ctx, c.req.valid('param').id, document, c.get('actor'), revision), 200);
    })
    .openapi(publish, async (c) => {
      const { revision } = c.req.valid('json') ?? {};
      return c.json(await publishVersion(ctx, c.req.valid('param').id, c.get('actor'), revision, principalOf(c).id), 201);
    })
    .openapi(version, async (c) => {
      const { id, n } = c.req.valid('param');
      const found = await getVersion(ctx.db, id, n);
      if (!found) throw new NotFoundError('flow version', `${id}@${n}`);
      return c.json(found, 200);
    });
}
