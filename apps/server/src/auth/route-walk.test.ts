import { PERMISSIONS, permissionsOf, ROLES, type Role } from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeContracts } from '../__fixtures__/route-contract';
import { type Answer, type TestApp, testApp } from '../__fixtures__/test-app';
import { ROUTE_PERMISSIONS, requirementOf } from './route-permissions';

/** A concrete path for an OpenAPI path: each parameter a value its schema takes (a secret name is upper-case). */
function concrete(path: string, own: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'n') return '1';
    if (name === 'name') return 'WALK_SECRET';
    // PATCH /api/users/{id}: the caller's own account, which every signed-in user may change.
    if (path.startsWith('/api/users/')) return own;
    return 'walk-id';
  });
}

interface Walker {
  readonly label: string;
  readonly userId: string;
  /** The permissions it holds; undefined: not signed in (every non-public route answers 401). */
  readonly permissions: ReadonlySet<string> | undefined;
  readonly call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;
}

/*
 * The table is the test: every route of /openapi.json is in ROUTE_PERMISSIONS, and every
 * caller (each role, the admin token, nobody, a revoked and an expired token) gets exactly
 * what the table says: 401 without valid credentials, 403 naming the permission it lacks,
 * and something else (the route's own answer) when it holds it.
 */
describe.each(testDatabases)('the role table walk on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  const walkers: Walker[] = [];
  beforeAll(async () => {
    t = testApp(store);
    for (const role of ROLES) {
      const caller = await t.as({ roles: [role] satisfies Role[], groups: ['walk'] });
      walkers.push({ label: role, userId: caller.userId, permissions: permissionsOf([role]), call: caller.call });
    }
    walkers.push({ label: 'admin token', userId: 'admin', permissions: new Set(PERMISSIONS), call: t.call });
    walkers.push({ label: 'nobody', userId: 'none', permissions: undefined, call: t.anonymous.call });
    const revoked = await t.as('admin');
    const tokenId = (await store.db.selectFrom('api_tokens').select('id').where('user_id', '=', revoked.userId).executeTakeFirstOrThrow())
      .id;
    await t.call('DELETE', `/api/tokens/${tokenId}`);
    walkers.push({ label: 'revoked token', userId: revoked.userId, permissions: undefined, call: revoked.call });
    const expiring = await t.as('admin');
    const expiresAt = new Date(t.ctx.clock.now().getTime() + 60_000).toISOString();
    const created = await expiring.call('POST', '/api/tokens', { name: 'short', expiresAt });
    const token = (created.body as { token: string }).token;
    t.ctx.clock.advance(120_000);
    walkers.push({
      label: 'expired token',
      userId: expiring.userId,
      permissions: undefined,
      call: async (method, path, body, headers = {}) =>
        t.anonymous.call(method, path, body, { ...headers, authorization: `Bearer ${token}` }),
    });
  }, 120_000);

  it('lists every route of /openapi.json in the permission table, and nothing else', () => {
    const routes = routeContracts(t.app).map((c) => `${c.method.toUpperCase()} ${c.path}`);
    expect(
      routes.filter((route) => !(route in ROUTE_PERMISSIONS)),
      'routes missing from auth/route-permissions.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_PERMISSIONS).filter((route) => !routes.includes(route)),
      'table entries without a route',
    ).toEqual([]);
  });

  it('answers every route as the table says for every role, the admin token, nobody, a revoked and an expired token', async () => {
    const mismatches: string[] = [];
    for (const contract of routeContracts(t.app)) {
      const method = contract.method.toUpperCase();
      const requirement = requirementOf(method, contract.path);
      for (const walker of walkers) {
        const path = concrete(contract.path, walker.userId);
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        // CSRF is not what this walks (sign-in.test.ts does): a browser would send the header.
        const answer = await walker.call(method, path, body, { 'x-switchyard-csrf': '1' });
        const expected =
          requirement === 'public'
            ? 'answered'
            : walker.permissions === undefined
              ? 401
              : requirement === 'signed-in' || walker.permissions.has(requirement ?? '')
                ? 'answered'
                : 403;
        const got = answer.status === 401 || answer.status === 403 ? answer.status : 'answered';
        if (got !== expected) mismatches.push(`${walker.label}: ${method} ${path} answered ${answer.status}, the table says ${expected}`);
        if (
          got === 403 &&
          expected === 403 &&
          JSON.stringify(answer.body) !==
            JSON.stringify({ error: `permission ${requirement} is missing`, details: { permission: requirement } })
        )
          mismatches.push(`${walker.label}: ${method} ${path}'s 403 does not name ${requirement}: ${JSON.stringify(answer.body)}`);
        if (answer.status >= 500) mismatches.push(`${walker.label}: ${method} ${path} answered ${answer.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);
});
