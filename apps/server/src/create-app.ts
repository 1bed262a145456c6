import { OpenAPIHono } from '@hono/zod-openapi';
import { createTicketFeed, type RuntimeContext, type TicketFeed } from '@switchyard/runtime';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, SwitchyardApp } from './app-env';
import { authorize } from './auth/authorize';
import { addEditorRoutes } from './editor-static';
import { handleError } from './handle-error';
import { requestLog } from './middleware/request-log';
import { securityHeaders } from './middleware/security-headers';
import { strictJsonBody } from './middleware/strict-json-body';
import { trustedHost } from './middleware/trusted-host';
import { deploymentRoutes } from './routes/deployment-routes';
import { failureRoutes } from './routes/failure-routes';
import { auditRoutes } from './routes/audit-routes';
import { analyticsRoutes } from './routes/analytics-routes';
import { authRoutes } from './routes/auth-routes';
import { addDocsRoutes } from './routes/docs-routes';
import { dryRunRoute } from './routes/dry-run-route';
import { backtestRoutes } from './routes/backtest-routes';
import { flowRoutes } from './routes/flow-routes';
import { healthRoutes } from './routes/health-routes';
import { addMetricsRoute } from './routes/metrics-route';
import { rolloutRoutes } from './routes/rollout-routes';
import { rosterRoutes } from './routes/roster-routes';
import { approvalRoutes } from './routes/approval-routes';
import { calendarRoutes } from './routes/calendar-routes';
import { runtimeRoutes } from './routes/runtime-routes';
import { secretRoutes } from './routes/secret-routes';
import { consoleRoutes } from './routes/console-routes';
import { ticketActionRoutes } from './routes/ticket-action-routes';
import { ticketRoutes } from './routes/ticket-routes';
import { addOidcRoutes, authProviderRoutes, type SsoOptions } from './sso/oidc-routes';
import { tokenRoutes } from './routes/token-routes';
import { userRoutes } from './routes/user-routes';
import { validationHook } from './validation-hook';

export interface AppOptions {
  readonly ctx: RuntimeContext;
  /** The break-glass bearer token (SWITCHYARD_ADMIN_TOKEN): every permission, audited as `admin`. Auth is on without it too. */
  readonly adminToken?: string | undefined;
  /** SWITCHYARD_PUBLIC_URL: an https one makes the session cookie Secure behind a TLS-ending proxy. */
  readonly publicUrl?: string | undefined;
  /** SWITCHYARD_TRUST_PROXY: the sign-in limit per address reads X-Forwarded-For. */
  readonly trustProxy?: boolean;
  /** SWITCHYARD_TWO_PERSON_RULE: nobody deploys (stable or candidate) a version they published. */
  readonly twoPersonRule?: boolean;
  /** The built editor (apps/editor/dist), served at `/` when it exists. */
  readonly editorDir?: string | undefined;
  /** Host names (`name` or `name:port`) served besides loopback ones: the public URL's, a proxy's upstream name. */
  readonly allowedHosts?: readonly string[];
  /** Largest request body accepted, in bytes (default 5 MB: a big flow plus a thousand sample tickets). */
  readonly maxBodyBytes?: number;
  /** Called once a ticket or an event was queued, so a worker in this process can start at once. */
  readonly onQueued?: () => void;
  /** SWITCHYARD_METRICS_TOKEN: a bearer token that opens GET /metrics and nothing else. */
  readonly metricsToken?: string | undefined;
  /** Single sign-on through an OpenID Connect provider, and how its identities get a session. */
  readonly sso?: SsoOptions | undefined;
  /** Where ticket changes are published for `GET /api/stream` (the server relays the database's notifications into it); a new one when absent. */
  readonly ticketFeed?: TicketFeed | undefined;
}

/**
 * The Switchyard HTTP app: the JSON API under /api, its OpenAPI document and reference
 * page, and the editor. Every error answers `{ error, details }`; bad input never gets a 500.
 * Only loopback names and `allowedHosts` are served (DNS rebinding), and a state-changing
 * request from a foreign page is refused.
 * @example const app = createApp({ ctx }); const res = await app.request('/api/health');
 */
export function createApp(options: AppOptions): SwitchyardApp {
  const { ctx } = options;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError(ctx.logger));
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));

  app.use('*', securityHeaders({ publicUrl: options.publicUrl }));
  app.use('/api/*', requestLog(ctx.logger));
  app.use('*', trustedHost(options.allowedHosts));
  // Every /api route needs what auth/route-permissions.ts says; only /api/health, sign-in and the editor's files are public.
  app.use('/api/*', authorize(ctx, options.adminToken));
  const maxBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  app.use(
    '/api/*',
    bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error: 'request body too large', details: { maxBytes } }, 413) }),
  );
  app.use('/api/*', strictJsonBody());

  app.route('/', healthRoutes(ctx));
  app.route('/', flowRoutes(ctx));
  app.route('/', deploymentRoutes(ctx));
  app.route('/', rolloutRoutes(ctx, options.twoPersonRule ?? false));
  app.route('/', dryRunRoute(ctx));
  const feed = options.ticketFeed ?? createTicketFeed();
  app.route('/', ticketActionRoutes(ctx, feed, options.onQueued));
  app.route('/', consoleRoutes(ctx, feed));
  app.route('/', backtestRoutes(ctx));
  app.route('/', ticketRoutes(ctx, options.onQueued));
  app.route('/', rosterRoutes(ctx));
  app.route('/', calendarRoutes(ctx));
  app.route('/', approvalRoutes(ctx, options.onQueued));
  app.route('/', runtimeRoutes(ctx));
  app.route('/', failureRoutes(ctx));
  app.route('/', secretRoutes(ctx));
  app.route('/', auditRoutes(ctx));
  app.route('/', analyticsRoutes(ctx));
  app.route('/', authProviderRoutes(options.sso));
  if (options.sso) addOidcRoutes(app, options.sso, ctx.logger);
  app.route('/', authRoutes(ctx, { publicUrl: options.publicUrl, trustProxy: options.trustProxy ?? false }));
  app.route('/', tokenRoutes(ctx));
  app.route('/', userRoutes(ctx));
  addDocsRoutes(app);
  addMetricsRoute(app, ctx, { adminToken: options.adminToken, metricsToken: options.metricsToken });
  addEditorRoutes(app, options.editorDir);
  return app;
}
