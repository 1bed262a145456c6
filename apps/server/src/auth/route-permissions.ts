import type { Permission } from '@switchyard/api';

/** What a route needs: a permission, any signed-in caller, or nobody (public). */
export type RouteRequirement = Permission | 'signed-in' | 'public';

/**
 * Every API route and what it needs, keyed `METHOD /openapi/path`. The one place a route
 * declares its permission: `authorize` enforces it, the route walk test (`auth/route-walk.test.ts`)
 * fails for a route of /openapi.json missing here and checks every role's answer against it.
 * Ticket routes are further scoped in their handlers (groups and assignee, see `ticket-scope.ts`).
 */
export const ROUTE_PERMISSIONS = {
  'GET /api/health': 'public',
  'GET /api/nodes': 'signed-in',

  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'POST /api/tokens': 'signed-in',
  'GET /api/tokens': 'signed-in',
  'DELETE /api/tokens/{id}': 'signed-in',
  'GET /api/users': 'users.manage',
  'POST /api/users': 'users.manage',
  // A user may change their own name, language and password; the rest needs users.manage (checked in the handler).
  'PATCH /api/users/{id}': 'signed-in',
  'GET /api/auth/providers': 'public',
  'GET /api/audit/verify': 'audit.read',

  'POST /api/flows': 'flows.edit',
  'GET /api/flows': 'flows.read',
  'GET /api/flows/{id}': 'flows.read',
  'PUT /api/flows/{id}/draft': 'flows.edit',
  'POST /api/flows/{id}/versions': 'flows.publish',
  'GET /api/flows/{id}/versions/{n}': 'flows.read',
  'POST /api/flows/{id}/dry-run': 'flows.dry_run',
  'POST /api/flows/{id}/backtest': 'flows.dry_run',
  'GET /api/backtests': 'flows.dry_run',
  'GET /api/backtests/{id}': 'flows.dry_run',
  'GET /api/backtests/{id}/tickets/{ticketId}': 'flows.dry_run',
  'POST /api/backtests/{id}/cancel': 'flows.dry_run',
  'DELETE /api/backtests/{id}': 'flows.dry_run',

  'GET /api/flows/{id}/rollout': 'flows.read',
  'PUT /api/flows/{id}/rollout': 'rollout.manage',
  'POST /api/flows/{id}/rollout/promote': 'rollout.manage',
  'POST /api/flows/{id}/rollout/rollback': 'rollout.manage',
  'POST /api/flows/{id}/rollout/migrate': 'rollout.manage',
  'GET /api/deployments/order': 'flows.read',
  'PUT /api/deployments/order': 'rollout.manage',
  'GET /api/flows/{id}/metrics': 'runtime.read',
  'GET /api/notifications': 'runtime.read',
  'GET /api/runtime/stats': 'runtime.read',
  'GET /api/effects': 'runtime.read',
  'GET /api/analytics/overview': 'runtime.read',
  'GET /api/flows/{id}/analytics': 'runtime.read',
  'GET /api/flows/{id}/analytics/tickets': 'runtime.read',
  'GET /api/reports/weekly': 'runtime.read',
  'GET /api/reports/scorecard': 'runtime.read',
  'PUT /api/reports/scorecard': 'flows.publish',
  'GET /api/flow-errors': 'runtime.read',

  'GET /api/agents': 'roster.read',
  'POST /api/agents': 'roster.manage',
  // An agent sets their own presence; roster.manage or tickets.supervise anyone's (checked in the handler).
  'POST /api/agents/{id}/status': 'tickets.work',
  'GET /api/groups': 'roster.read',
  'POST /api/groups': 'roster.manage',
  'GET /api/skills': 'roster.read',
  'POST /api/skills': 'roster.manage',
  'GET /api/calendars': 'roster.read',
  'POST /api/calendars': 'roster.manage',
  // Who may decide is the approval node's role or user, checked in the handler (`mayDecide`).
  'GET /api/approvals': 'signed-in',
  'POST /api/approvals/{id}': 'signed-in',

  'GET /api/secrets': 'secrets.read',
  'PUT /api/secrets/{name}': 'secrets.write',
  'DELETE /api/secrets/{name}': 'secrets.write',

  'POST /api/tickets': 'tickets.create',
  'POST /api/tickets/bulk': 'tickets.import',
  'GET /api/tickets': 'tickets.read',
  'GET /api/tickets/{id}': 'tickets.read',
  'GET /api/tickets/{id}/history': 'tickets.read',
  'GET /api/tickets/{id}/messages': 'tickets.read',
  'POST /api/tickets/{id}/events': 'tickets.work',
  // The service console (issue 18).
  'GET /api/queues': 'tickets.read',
  'GET /api/stream': 'tickets.read',
  'GET /api/me/notifications': 'signed-in',
  'GET /api/customers/{id}': 'tickets.read',
  'GET /api/tickets/{id}/trace': 'tickets.read',
  'POST /api/tickets/{id}/reply': 'tickets.work',
  'POST /api/tickets/{id}/status': 'tickets.work',
  'POST /api/tickets/{id}/notes': 'tickets.work',
  'POST /api/tickets/{id}/transfer': 'tickets.work',
  'POST /api/tickets/{id}/take': 'tickets.work',
  'POST /api/tickets/{id}/release': 'tickets.work',
  'POST /api/tickets/{id}/escalate': 'tickets.work',
  'POST /api/tickets/{id}/step-in': 'tickets.supervise',
} as const satisfies Record<string, RouteRequirement>;

/**
 * Plain routes outside /api and /openapi.json (their answer is not JSON), checked by their own
 * handler: GET /metrics (Prometheus text) also opens to SWITCHYARD_METRICS_TOKEN.
 */
export const PLAIN_ROUTE_PERMISSIONS = {
  'GET /metrics': 'runtime.read',
} as const satisfies Record<string, RouteRequirement>;

/** Paths under /api that are public by prefix: the OpenID Connect sign-in's redirects and callback. */
export const PUBLIC_API_PREFIXES: readonly string[] = ['/api/auth/oidc/'];

/** What `METHOD /path` (OpenAPI form) needs; undefined for a route missing from the table. */
export function requirementOf(method: string, path: string): RouteRequirement | undefined {
  const table: Readonly<Record<string, RouteRequirement>> = ROUTE_PERMISSIONS;
  return table[`${method.toUpperCase()} ${path}`];
}
