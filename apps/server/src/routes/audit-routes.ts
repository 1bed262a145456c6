import { createRoute } from '@hono/zod-openapi';
import { AuditVerification } from '@switchyard/api';
import { type RuntimeContext, verifyAuditChain } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const verify = createRoute({
  method: 'get',
  operationId: 'verifyAuditChain',
  path: '/api/audit/verify',
  description:
    'Walks the audit log in chain order and recomputes every row hash from the previous one: names the first row changed, deleted or written without recordAudit.',
  tags: ['audit'],
  summary: 'Checks the audit hash chain: the first row changed, deleted or written around it (permission audit.read)',
  responses: {
    200: jsonContent(AuditVerification, 'Whether the chain holds, and where it breaks first', {
      ok: true,
      rows: 1284,
      head: { seq: '1284', hash: '9f2c4e0b7a1d5c3e8f6a2b4d0c9e7f1a3b5d7c9e1f2a4b6c8d0e2f4a6b8c0d2e' },
      firstBreak: null,
    }),
    ...errorResponses(),
  },
});

/** GET /api/audit/verify: the audit log's tamper check. */
export function auditRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter().openapi(verify, async (c) => c.json(await verifyAuditChain(ctx.db), 200));
}
