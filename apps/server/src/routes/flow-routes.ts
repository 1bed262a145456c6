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
import { errorResponses, jsonContent } from '../error-responses';

const FlowParams = z.object({ id: z.string().min(1).max(100) });
const VersionParams = FlowParams.extend({ n: z.coerce.number().int().positive() });
const tags = ['flows'];

/** The 409 of a save or publish against a draft revision someone else's save replaced. */
const draftConflict = {
  409: jsonContent(
    DraftConflict,
    'Someone saved the draft since `revision`: the answer carries the current revision and document; nothing was written',
  ),
};

const create = createRoute({
  method: 'post',
  path: '/api/flows',
  tags,
  summary: 'Create a flow with its first draft',
  request: { body: { required: true, content: { 'application/json': { schema: CreateFlowRequest } } } },
  responses: { 201: jsonContent(FlowCreated, 'Created'), ...errorResponses(400, 409) },
});

const list = createRoute({
  method: 'get',
  path: '/api/flows',
  tags,
  summary: 'Every flow with its latest version and deployment, deployed ones first in run order',
  responses: { 200: jsonContent(FlowList, 'The flows'), ...errorResponses() },
});

const detail = createRoute({
  method: 'get',
  path: '/api/flows/{id}',
  tags,
  summary: 'A flow: its draft with diagnostics, its published versions, its deployment',
  request: { params: FlowParams },
  responses: { 200: jsonContent(FlowDetail, 'The flow'), ...errorResponses(400, 404) },
});

const draft = createRoute({
  method: 'put',
  path: '/api/flows/{id}/draft',
  tags,
  summary:
    "Save the flow's draft (even when it would not publish) as its next revision and get its diagnostics; with `revision`, only if nobody saved since",
  request: { params: FlowParams, body: { required: true, content: { 'application/json': { schema: SaveDraftRequest } } } },
  responses: { 200: jsonContent(DraftSaved, 'Saved as `revision`; these are its problems'), ...errorResponses(400, 404), ...draftConflict },
});

const publish = createRoute({
  method: 'post',
  path: '/api/flows/{id}/versions',
  tags,
  summary: 'Publish the draft as the next immutable version; with `revision`, exactly that revision of the draft',
  request: { params: FlowParams, body: { required: false, content: { 'application/json': { schema: PublishRequest } } } },
  responses: { 201: jsonContent(VersionPublished, 'Published'), ...errorResponses(400, 404, 422), ...draftConflict },
});

const version = createRoute({
  method: 'get',
  path: '/api/flows/{id}/versions/{n}',
  tags,
  summary: 'A published version: its document and compiled machine',
  request: { params: VersionParams },
  responses: { 200: jsonContent(FlowVersion, 'The version'), ...errorResponses(400, 404) },
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
