import { join } from 'node:path';
import { billingSuspend } from '@switchyard-examples/billing-suspend';
import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import type { Role } from '@switchyard/api';
import {
  createApiToken,
  createManualClock,
  createUser,
  type ManualClock,
  type RuntimeContext,
  type SwitchyardDatabase,
} from '@switchyard/runtime';
import { pino } from 'pino';
import { createApp, type AppOptions } from '../create-app';
import type { SwitchyardApp } from '../app-env';
import { checkAnswer, routeContracts } from './route-contract';

export const registry = createNodeRegistry([...builtinNodes, billingSuspend]);

/** The repository's examples folder: the ten flows and the roster. */
export const EXAMPLES_DIR = join(import.meta.dirname, '../../../../examples');

/** The break-glass token every test app accepts; `call` sends it unless the headers carry other credentials. */
export const TEST_ADMIN_TOKEN = 'test-admin-token';

export type Answer = { status: number; body: unknown; headers: Headers };
type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/** Who a test acts as: a role, or a user with roles, groups and an agent id. */
export type TestUser =
  Role | { readonly roles: readonly Role[]; readonly groups?: readonly string[]; readonly agentId?: string; readonly email?: string };

/** A user created for a test, calling with their own personal token. */
export interface TestCaller {
  readonly userId: string;
  readonly email: string;
  readonly token: string;
  readonly call: Call;
}

export interface TestApp {
  readonly app: SwitchyardApp;
  readonly ctx: RuntimeContext & { clock: ManualClock };
  /**
   * A JSON request to the app, in process, as the admin token (unless `headers` carry an
   * Authorization or Cookie of their own); its answer is checked against its route's declared status and schema.
   */
  call: Call;
  /** The same, without any credentials. */
  readonly anonymous: { readonly call: Call };
  /** Creates a user with these roles (groups, agent) and a personal token, and calls as them. */
  as(user: TestUser): Promise<TestCaller>;
}

let testUsers = 0;

/** The app on a test database, with a manual clock and a silent logger. */
export function testApp(store: SwitchyardDatabase, options: Partial<AppOptions> = {}): TestApp {
  const ctx = { db: store.db, registry, clock: createManualClock('2026-05-01T09:00:00+08:00'), logger: pino({ level: 'silent' }) };
  const adminToken = options.adminToken ?? TEST_ADMIN_TOKEN;
  const app = createApp({ ctx, ...options, adminToken });
  const contracts = routeContracts(app);
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
    const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await app.request(path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text (HTML pages)
    }
    checkAnswer(contracts, method, path, res.status, parsed);
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const withBearer =
    (token: string): Call =>
    async (method, path, body, headers = {}) => {
      const own = Object.keys(headers).some((name) => ['authorization', 'cookie'].includes(name.toLowerCase()));
      return send(method, path, body, own ? headers : { authorization: `Bearer ${token}`, ...headers });
    };
  return {
    app,
    ctx,
    call: withBearer(adminToken),
    anonymous: { call: async (method, path, body, headers = {}) => send(method, path, body, headers) },
    async as(who) {
      const spec = typeof who === 'string' ? { roles: [who] } : who;
      testUsers += 1;
      const email = spec.email ?? `${spec.roles.join('-')}-${testUsers}@test.example`;
      const user = await createUser(
        ctx,
        {
          email,
          name: email,
          roles: [...spec.roles],
          groups: [...(spec.groups ?? [])],
          ...(spec.agentId ? { agentId: spec.agentId } : {}),
        },
        'test',
      );
      const created = await createApiToken(ctx, { id: user.id, roles: user.roles }, { name: 'test' }, 'test');
      return { userId: user.id, email, token: created.token, call: withBearer(created.token) };
    },
  };
}
