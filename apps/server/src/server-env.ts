import { describeIssues } from '@switchyard/flow';
import { z } from 'zod';
import { parseHost } from './middleware/trusted-host';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

/** The environment `pnpm start` reads; each variable is described in the README's "Running the server". */
export const ServerEnv = z.object({
  PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(3000)),
  /** Where to listen; loopback by default. */
  HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  /** PostgreSQL; without it, the embedded PGlite in SWITCHYARD_DATA_DIR. */
  DATABASE_URL: z.preprocess(blankIsUnset, z.string().optional()),
  SWITCHYARD_DATA_DIR: z.preprocess(blankIsUnset, z.string().default('.data/pglite')),
  SWITCHYARD_ADMIN_TOKEN: z.preprocess(blankIsUnset, z.string().min(8, 'use at least 8 characters').optional()),
  /** A bearer token for Prometheus: it opens GET /metrics and nothing else. */
  SWITCHYARD_METRICS_TOKEN: z.preprocess(blankIsUnset, z.string().min(16, 'use at least 16 characters').optional()),
  /** The first admin, created on an empty users table; without them `admin@localhost` with a generated password, logged once. */
  SWITCHYARD_ADMIN_EMAIL: z.preprocess(blankIsUnset, z.email({ pattern: z.regexes.html5Email }).optional()),
  SWITCHYARD_ADMIN_PASSWORD: z.preprocess(blankIsUnset, z.string().min(10, 'use at least 10 characters').max(200).optional()),
  /** `1`: behind a proxy the operator trusts, the sign-in limit per address reads the first X-Forwarded-For entry. */
  SWITCHYARD_TRUST_PROXY: z.preprocess(blankIsUnset, z.enum(['0', '1']).default('0')),
  /** `1`: a version cannot be deployed (stable or candidate) or promoted by the person who published it. */
  SWITCHYARD_TWO_PERSON_RULE: z.preprocess(blankIsUnset, z.enum(['0', '1']).default('0')),
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info')),
  /** Where flows' replies, surveys and notices are POSTed (with their idempotency key); unset: they stay in the ticket's conversation. */
  SWITCHYARD_MESSAGE_GATEWAY: z.preprocess(blankIsUnset, z.url().optional()),
  SWITCHYARD_MESSAGE_GATEWAY_TOKEN: z.preprocess(blankIsUnset, z.string().optional()),
  SWITCHYARD_OPS_WEBHOOK: z.preprocess(blankIsUnset, z.url().optional()),
  SWITCHYARD_OPS_WEBHOOK_TOKEN: z.preprocess(blankIsUnset, z.string().optional()),
  /** The address people and integrations use (`https://switchyard.example.com`): its host name is served besides loopback names. */
  SWITCHYARD_PUBLIC_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** More host names to serve, comma-separated (`name` or `name:port`): a proxy's upstream name, a LAN address. */
  SWITCHYARD_ALLOWED_HOSTS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((host) => host.trim())
          .filter((host) => host !== ''),
      )
      .pipe(
        z.array(
          z
            .string()
            .refine(
              (host) => parseHost(host) !== undefined,
              'expected host names such as "switchyard.internal" or "10.0.0.5:3000", comma-separated',
            ),
        ),
      )
      .default([]),
  ),
  /** Hosts flows' HTTP calls may reach although loopback, private or link-local: `name` or `name:port`, comma-separated. */
  SWITCHYARD_HTTP_ALLOW: z.preprocess(blankIsUnset, z.string().optional()),
  /** `0` skips starting the stand-in logistics and billing services the example flows call (port 4010). */
  SWITCHYARD_EXAMPLE_SERVICES: z.preprocess(blankIsUnset, z.enum(['0', '1']).default('1')),
  /** The stand-in services' port (default 4010); BILLING_URL and ERP_URL follow it unless set. */
  SWITCHYARD_EXAMPLE_SERVICES_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(4010)),
  /** `0`: `pnpm start` does not build the editor (it serves whatever apps/editor/dist holds). */
  SWITCHYARD_BUILD_EDITOR: z.preprocess(blankIsUnset, z.enum(['0', '1']).default('1')),
  /** `0` runs no worker in this process: an API-only server beside worker processes on the same PostgreSQL. */
  SWITCHYARD_WORKER: z.preprocess(blankIsUnset, z.enum(['0', '1']).default('1')),
  /** `0` skips loading the example flows and roster. */
  SWITCHYARD_SEED: z.preprocess(blankIsUnset, z.enum(['0', '1']).default('1')),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** Reads the environment; throws one line per bad variable, naming it. */
export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) throw new Error(`bad environment:\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

/** The host names the server answers to besides loopback ones: the public URL's and the listed ones. */
export function allowedHostsOf(env: Pick<ServerEnv, 'SWITCHYARD_PUBLIC_URL' | 'SWITCHYARD_ALLOWED_HOSTS'>): string[] {
  return [...(env.SWITCHYARD_PUBLIC_URL ? [new URL(env.SWITCHYARD_PUBLIC_URL).host] : []), ...env.SWITCHYARD_ALLOWED_HOSTS];
}
