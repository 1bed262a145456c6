import { createRoute, z } from '@hono/zod-openapi';
import { PutSecretRequest, SecretList, SecretName, SecretView } from '@switchyard/api';
import { deleteSecret, listSecrets, putSecret, type RuntimeContext } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const SecretParams = z.object({ name: SecretName.meta({ example: 'ERP_API_KEY' }) });
const tags = ['secrets'];

const list = createRoute({
  method: 'get',
  operationId: 'listSecrets',
  path: '/api/secrets',
  description:
    'Lists every secret nodes declare or the table holds: whether it is set, where from, encrypted or not, and which nodes use it. Values are never answered.',
  tags,
  summary: 'Every secret by name: set or not, its source, the nodes that need it; never a value',
  responses: { 200: jsonContent(SecretList, 'The secrets', answerExample('listSecrets', 200)), ...errorResponses() },
});

const put = createRoute({
  method: 'put',
  operationId: 'putSecret',
  path: '/api/secrets/{name}',
  description:
    'Sets a secret in the secrets table (encrypted when SWITCHYARD_SECRETS_KEY is set). Write-only: the answer and the audit carry its name, never its value.',
  tags,
  summary: 'Set a secret (write-only: no answer carries its value; the audit records the name)',
  request: {
    params: SecretParams,
    body: { required: true, content: { 'application/json': { schema: PutSecretRequest, example: REQUEST_EXAMPLES.putSecret } } },
  },
  responses: { 200: jsonContent(SecretView, 'Saved', answerExample('putSecret', 200)), ...errorResponses(400) },
});

const remove = createRoute({
  method: 'delete',
  operationId: 'deleteSecret',
  path: '/api/secrets/{name}',
  description: 'Removes a secret from the secrets table; a value from the environment (SWITCHYARD_SECRET_<NAME>) applies again.',
  tags,
  summary: "Remove a secret from the secrets table (the environment's value, if any, applies again)",
  request: { params: SecretParams },
  responses: {
    200: jsonContent(SecretView, 'Removed; what is left of it', answerExample('deleteSecret', 200)),
    ...errorResponses(400, 404),
  },
});

/** Write-only secrets for custom nodes: names and status out, values only in. */
export function secretRoutes(ctx: RuntimeContext): SwitchyardApp {
  /** The secret as listed; one no node declares and nothing sets is not listed: unset, from nowhere. */
  const view = async (name: string): Promise<SecretView> =>
    (await listSecrets(ctx)).find((s) => s.name === name) ?? {
      name,
      set: false,
      source: null,
      encrypted: null,
      updatedAt: null,
      usedBy: [],
    };
  return createRouter()
    .openapi(list, async (c) => c.json(await listSecrets(ctx), 200))
    .openapi(put, async (c) => {
      const { name } = c.req.valid('param');
      await putSecret(ctx, name, c.req.valid('json'), c.get('actor'));
      return c.json(await view(name), 200);
    })
    .openapi(remove, async (c) => {
      const { name } = c.req.valid('param');
      await deleteSecret(ctx, name, c.get('actor'));
      return c.json(await view(name), 200);
    });
}
