import { createRoute } from '@hono/zod-openapi';
import { AuditVerification } from '@switchyard/api';
import { type RuntimeContext, verifyAuditChain } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { errorResponses, jsonContent } from '../error-responses';

const verify = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['audit'],
  summary: 'Checks the audit hash chain: the first row changed, deleted or written around it (permission audit.read)',
  responses: { 200: jsonContent(AuditVerification, 'Whether the chain holds, and where it breaks first'), ...errorResponses() },
});

/** GET /api/audit/verify: the audit log's tamper check. */
export function auditRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter().openapi(verify, async (c) => c.json(await verifyAuditChain(ctx.db), 200));
}
