import { type NodeRegistry, parseHttpAllow } from '@switchyard/nodes';
import { createSafeLogger } from '@switchyard/runtime';
import { exampleServicesHost, startLocalExampleServices } from './example-services';
import { guardProcess } from './guard-process';
import { oidcSettingsFromEnv } from './sso/oidc-settings';
import { allowedHostsOf, readServerEnv } from './server-env';
import { REPO_ROOT, startServer } from './start-server';
import { ensureEditorBuilt } from './editor-build/ensure-editor-built';
import { startPhases } from './startup/start-phases';

/** Past this, a stop that hangs (a stuck delivery) gives up and exits non-zero. */
const STOP_DEADLINE_MS = 30_000;

export interface MainOptions {
  /** The installed nodes, when the caller loaded switchyard.config.ts already (the precompiled server bundles it); default: loaded from it now. */
  readonly registry?: NodeRegistry;
}

/**
 * `pnpm start`: Switchyard from the environment (see the README's "Running the server"), in
 * this process. SIGTERM or SIGINT stops it cleanly: no new requests, in-flight work finished,
 * claims released, database closed, exit 0. A lost database connection is survived (see guardProcess).
 * Run from the sources by main.ts, from the precompiled bundle by apps/server/launcher/start.mjs.
 * @example await runMain();
 */
export async function runMain(options: MainOptions = {}): Promise<void> {
  // Node starting and the server's modules loading: the first phase of a start.
  const phases = startPhases();
  phases.mark('load');
  const env = (() => {
    try {
      return readServerEnv(process.env);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    }
  })();
  // Customer fields are censored and phone numbers, emails, ID and card numbers masked before a line is written.
  const logger = createSafeLogger(env.LOG_LEVEL);
  guardProcess(logger);

  try {
    const services =
      env.SWITCHYARD_SEED === '1' && env.SWITCHYARD_EXAMPLE_SERVICES === '1'
        ? await startLocalExampleServices(logger, env.SWITCHYARD_EXAMPLE_SERVICES_PORT)
        : undefined;
    phases.mark('services');
    // The example custom nodes call the stand-ins unless told otherwise; read when a node runs.
    if (services) {
      process.env.BILLING_URL ??= services.url;
      process.env.ERP_URL ??= services.url;
    }
    // The example flows call the stand-ins on loopback, which the HTTP guard refuses unless allowed.
    const exampleServices = env.SWITCHYARD_SEED === '1' && env.SWITCHYARD_EXAMPLE_SERVICES === '1';
    const httpAllow = [
      ...parseHttpAllow(env.SWITCHYARD_HTTP_ALLOW),
      ...(exampleServices ? [exampleServicesHost(env.SWITCHYARD_EXAMPLE_SERVICES_PORT)] : []),
    ];
    const server = await startServer({
      port: env.PORT,
      hostname: env.HOST,
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATABASE_URL ? undefined : env.SWITCHYARD_DATA_DIR,
      adminToken: env.SWITCHYARD_ADMIN_TOKEN,
      metricsToken: env.SWITCHYARD_METRICS_TOKEN,
      firstAdmin: { email: env.SWITCHYARD_ADMIN_EMAIL, password: env.SWITCHYARD_ADMIN_PASSWORD },
      publicUrl: env.SWITCHYARD_PUBLIC_URL,
      trustProxy: env.SWITCHYARD_TRUST_PROXY === '1',
      twoPersonRule: env.SWITCHYARD_TWO_PERSON_RULE === '1',
      allowedHosts: allowedHostsOf(env),
      oidc: oidcSettingsFromEnv(process.env),
      seed: env.SWITCHYARD_SEED === '1',
      worker:
        env.SWITCHYARD_WORKER === '0'
          ? false
          : {
              rollouts: {
                opsWebhook: env.SWITCHYARD_OPS_WEBHOOK
                  ? { url: env.SWITCHYARD_OPS_WEBHOOK, token: env.SWITCHYARD_OPS_WEBHOOK_TOKEN }
                  : undefined,
              },
            },
      messageGateway: env.SWITCHYARD_MESSAGE_GATEWAY
        ? { url: env.SWITCHYARD_MESSAGE_GATEWAY, token: env.SWITCHYARD_MESSAGE_GATEWAY_TOKEN }
        : undefined,
      logger,
      httpAllow,
      dbTemplate: process.env.SWITCHYARD_DB_TEMPLATE !== '0',
      phases,
      registry: options.registry,
    });
    // Once the API answers, the editor is built when its sources changed (at low priority: the server keeps the CPU).
    const editorBuild = new AbortController();
    if (env.SWITCHYARD_BUILD_EDITOR === '1')
      ensureEditorBuilt(REPO_ROOT, logger, editorBuild.signal).catch((error: unknown) =>
        logger.error({ err: error }, 'the editor could not be built'),
      );
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping');
      editorBuild.abort();
      setTimeout(() => {
        logger.error('stop took too long; exiting');
        process.exit(1);
      }, STOP_DEADLINE_MS).unref();
      Promise.all([server.close(), services?.close()]).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'stop failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    logger.fatal({ err: error }, 'switchyard could not start');
    process.exit(1);
  }
}
