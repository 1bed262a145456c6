import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { NodeRegistry } from '@switchyard/nodes';
import {
  type Clock,
  createRuntimeMetrics,
  createSafeLogger,
  createWorker,
  type DataKeyRing,
  ensureFirstAdmin,
  resealInBatches,
  backfillAnalytics,
  resolveDataKeys,
  createTicketFeed,
  loadRegistry,
  type MessageGateway,
  migrateToLatest,
  openDatabase,
  type RuntimeContext,
  type SecretSettings,
  secretSettingsFromEnv,
  seedExampleUsers,
  seedExamples,
  type SwitchyardDatabase,
  systemClock,
  type Worker,
  type WorkerOptions,
} from '@switchyard/runtime';
import type { Logger } from 'pino';
import type { SwitchyardApp } from './app-env';
import { createApp } from './create-app';
import { seedDataDirFromTemplate } from './db-template/pglite-template';
import type { OidcSettings } from './sso/oidc-settings';
import { sessionSignIn } from './sso/session-sign-in';
import { parseHost } from './middleware/trusted-host';
import { type StartPhases, startPhases } from './startup/start-phases';

/** The repository root: where switchyard.config.ts, examples/ and apps/editor/dist are. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface StartOptions {
  /** 0 picks a free port (tests). Default 3000. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly hostname?: string;
  /** PostgreSQL URL; without it, PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL only: the schema to work in (created when missing), for several servers on one test database. */
  readonly databaseSchema?: string | undefined;
  /** PGlite's data folder (created when missing); without it (and without a URL), PGlite in memory. */
  readonly dataDir?: string | undefined;
  /** A database opened by the caller, migrated here and left open on close (tests). */
  readonly database?: SwitchyardDatabase;
  readonly adminToken?: string | undefined;
  /** SWITCHYARD_METRICS_TOKEN: opens GET /metrics (Prometheus) and nothing else. */
  readonly metricsToken?: string | undefined;
  /** The first admin, created when the users table is empty (SWITCHYARD_ADMIN_EMAIL / _PASSWORD); without a password one is generated and logged once. */
  readonly firstAdmin?: { readonly email?: string | undefined; readonly password?: string | undefined };
  /** SWITCHYARD_PUBLIC_URL: an https one makes the session cookie Secure. */
  readonly publicUrl?: string | undefined;
  /** SWITCHYARD_TRUST_PROXY: the sign-in limit per address reads X-Forwarded-For. */
  readonly trustProxy?: boolean;
  /** SWITCHYARD_TWO_PERSON_RULE: nobody deploys a version they published. */
  readonly twoPersonRule?: boolean;
  /** Host names served besides loopback ones (and `hostname`, when it names one address). */
  readonly allowedHosts?: readonly string[];
  /** Slow clients are cut off: a request's headers must arrive within this (default 10 s)... */
  readonly headersTimeoutMs?: number;
  /** ...and the whole request, body included, within this (default 60 s). */
  readonly requestTimeoutMs?: number;
  readonly logger?: Logger;
  /** The installed nodes; default: built-ins plus those of `<rootDir>/switchyard.config.ts`. */
  readonly registry?: NodeRegistry;
  /** Where switchyard.config.ts, examples/ and apps/editor/dist are looked for. */
  readonly rootDir?: string;
  /** Load the example flows and roster (default true). */
  readonly seed?: boolean;
  readonly clock?: Clock;
  /** Where flows' messages go out; without it they stay in each ticket's conversation. */
  readonly messageGateway?: MessageGateway | undefined;
  /** Secrets beside the table (`SWITCHYARD_SECRET_<NAME>`) and the legacy table key; default: from `process.env`. */
  readonly secrets?: SecretSettings;
  /** The data keys sealing customer data and secrets; default: `resolveDataKeys` (the environment, else a key file beside `dataDir`). */
  readonly dataKeys?: DataKeyRing;
  /** Options of the background worker, or false for a server that only serves the API. */
  readonly worker?: WorkerOptions | false;
  /** Single sign-on through this OpenID Connect provider (SWITCHYARD_OIDC_*); none: password sign-in only. */
  readonly oidc?: OidcSettings | undefined;
  /** Hosts flows may call although internal (`name` or `name:port`); default: SWITCHYARD_HTTP_ALLOW. */
  readonly httpAllow?: readonly string[];
  /** A new PGlite data folder starts from the migrated template (default true; SWITCHYARD_DB_TEMPLATE=0 turns it off). */
  readonly dbTemplate?: boolean;
  /** Times the start's phases (logged with "switchyard is serving"); `pnpm start` passes one begun before its modules loaded. */
  readonly phases?: StartPhases;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly app: SwitchyardApp;
  readonly ctx: RuntimeContext;
  /** The background worker; undefined when started with `worker: false`. */
  readonly worker: Worker | undefined;
  /** Stops accepting requests, lets in-flight requests and work finish, releases claims, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts Switchyard in this process: opens and migrates the database, registers the nodes,
 * seeds the examples, starts a worker and serves the API and the editor.
 * @example const server = await startServer({ port: 0 }); await fetch(`${server.url}/api/health`); await server.close();
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createSafeLogger('info');
  const phases = options.phases ?? startPhases();
  if (!options.phases) phases.mark('load');
  const rootDir = options.rootDir ?? REPO_ROOT;
  const registry = options.registry ?? (await loadRegistry(rootDir));
  // Read before opening anything: a malformed SWITCHYARD_SECRETS_KEY stops the start with its name.
  const secrets = options.secrets ?? secretSettingsFromEnv(process.env);
  const dataKeys = options.dataKeys ?? resolveDataKeys(process.env, options, logger);
  if (options.dataDir && !options.databaseUrl) mkdirSync(options.dataDir, { recursive: true });
  // A new data folder starts from the migrated template (made once per install): no initdb, no migrations to run.
  if (options.dataDir && !options.databaseUrl && !options.database && (options.dbTemplate ?? true))
    await seedDataDirFromTemplate(options.dataDir, REPO_ROOT, logger).catch((error: unknown) =>
      logger.warn({ err: error }, 'the database template could not be used; initialising the data folder instead'),
    );
  phases.mark('template');
  if (!options.database)
    logger.info(
      options.databaseUrl
        ? 'opening PostgreSQL'
        : 'opening the embedded PGlite database (a new data folder is initialised first: the slowest step of a first start)',
    );
  const store =
    options.database ?? (await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema: options.databaseSchema }));
  const ownsStore = options.database === undefined;
  phases.mark('open');
  try {
    await migrateToLatest(store.db);
    phases.mark('migrate');
    const ctx: RuntimeContext = {
      db: store.db,
      registry,
      clock: options.clock ?? systemClock,
      logger,
      messageGateway: options.messageGateway,
      secrets,
      dataKeys,
      httpAllow: options.httpAllow,
      metrics: createRuntimeMetrics(),
    };
    // Rows from before encryption (or under a previous key) are sealed now, up to 10 000 per table; the worker's chore seals the rest.
    await resealInBatches(ctx, 20, 500);
    const admin = await ensureFirstAdmin(ctx, options.firstAdmin ?? {});
    if (admin.created && admin.generatedPassword !== undefined)
      // Printed this once: the log is the only place it exists (the database keeps its argon2id hash).
      logger.warn(
        { email: admin.email, password: admin.generatedPassword },
        'first start: created the first admin with a generated password; sign in and change it (or set SWITCHYARD_ADMIN_EMAIL and SWITCHYARD_ADMIN_PASSWORD)',
      );
    else if (admin.created) logger.info({ email: admin.email }, 'first start: created the first admin');
    phases.mark('prepare');
    if (options.seed ?? true) {
      logger.info('database ready; loading the example flows and roster');
      const seeded = await seedExamples(ctx, join(rootDir, 'examples'), (p) =>
        p.step === 'flow'
          ? logger.info(`example flows ${p.done}/${p.total}: ${p.flowId}${p.added ? ' (added)' : ''}`)
          : logger.info(`roster: ${p.groups} groups and ${p.agents} agents added`),
      );
      const users = await seedExampleUsers(ctx, join(rootDir, 'examples'));
      logger.info({ ...seeded, users }, 'examples loaded');
    }
    phases.mark('seed');
    // Tickets from before the analytics rollups get their figures from their history, before any worker writes to them.
    const backfilled = await backfillAnalytics(store.db, {
      onBatch: (p) => logger.info(`analytics: ${p.filled} older tickets counted from their history`),
    });
    if (backfilled > 0) logger.info({ tickets: backfilled }, 'analytics backfilled');
    phases.mark('backfill');
    // On PostgreSQL two loops claim tickets side by side; PGlite has one connection to share.
    const worker =
      options.worker === false
        ? undefined
        : createWorker(ctx, { loops: store.kind === 'postgres' ? 2 : 1, ...options.worker, notifications: store });
    const hostname = options.hostname ?? '127.0.0.1';
    // The workers' ticket changes (any process), relayed to GET /api/stream (migration 0015).
    const ticketFeed = createTicketFeed();
    const stopRelay = await store.listen(`switchyard_tickets_${store.schema ?? 'public'}`, (ticketId) => {
      if (ticketId) ticketFeed.publish({ ticketId, kind: 'changed', at: ctx.clock.now().toISOString() });
    });
    const app = createApp({
      ticketFeed,
      ctx,
      adminToken: options.adminToken,
      metricsToken: options.metricsToken,
      publicUrl: options.publicUrl,
      trustProxy: options.trustProxy ?? false,
      twoPersonRule: options.twoPersonRule ?? false,
      allowedHosts: [...(options.allowedHosts ?? []), ...listenedName(hostname)],
      editorDir: join(rootDir, 'apps/editor/dist'),
      onQueued: () => worker?.wake(),
      sso: options.oidc ? { settings: options.oidc, signIn: sessionSignIn(ctx, options.publicUrl) } : undefined,
    });
    const server = await listen(app, options.port ?? 3000, hostname, {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
    });
    worker?.start();
    phases.mark('listen');
    const { port, address, family } = boundAddress(server.address());
    const host = family === 'IPv6' ? `[${address}]` : address;
    const url = `http://${host}:${port}`;
    logger.info(
      {
        url,
        database: store.kind,
        adminToken: options.adminToken !== undefined,
        twoPersonRule: options.twoPersonRule ?? false,
        start: phases.report(),
      },
      'switchyard is serving',
    );

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections with no request in flight would hold close() open.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        await worker?.stop();
        await stopRelay();
        await closed;
        if (ownsStore) await store.close();
        logger.info('switchyard stopped');
      })());
    return { url, port, app, ctx, worker, close };
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
}

function boundAddress(address: string | AddressInfo | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error(`expected a TCP address, got ${String(address)}`);
  return address;
}

/** The address the server listens on, as a Host name to serve: `10.0.0.5` yes, `0.0.0.0` (every address) no. */
function listenedName(hostname: string): string[] {
  if (hostname === '0.0.0.0' || hostname === '::' || hostname === '') return [];
  const name = hostname.includes(':') ? `[${hostname}]` : hostname;
  return parseHost(name) ? [name] : [];
}

interface Timeouts {
  readonly headersTimeout: number;
  readonly requestTimeout: number;
}

function listen(app: SwitchyardApp, port: number, hostname: string, timeouts: Timeouts): Promise<ReturnType<typeof serve>> {
  // Node checks the timeouts every connectionsCheckingInterval (30 s by default): check often enough to honour them.
  const connectionsCheckingInterval = Math.min(1000, timeouts.headersTimeout / 2);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname, serverOptions: { ...timeouts, connectionsCheckingInterval } }, () =>
      resolve(server),
    );
    server.once('error', reject);
  });
}
