import { ApiError, createApiClient } from '@switchyard/api';
import { createUser } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, type TestApp, testApp } from './__fixtures__/test-app';

/*
 * The sign-in, token and user methods of the one API client, against the real app, the way the
 * editor uses them: a session cookie kept by a browser-like jar (the client sends no
 * credentials of its own), the CSRF header on every write, a 403 worded as the permission missing.
 */
const PASSWORD = 'correct horse battery';

/** What `promise` rejects with, for assertions on the error's fields. */
async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe.each(testDatabases)('the client signs in, makes tokens and manages users on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  let locale: 'en' | 'zh-CN' = 'en';
  /** A browser tab: the cookie the server set goes back with every request, as `credentials: 'same-origin'` does. */
  const browserClient = () => {
    let cookie = '';
    return createApiClient({
      baseUrl: 'http://localhost',
      locale: () => locale,
      fetch: async (url, init) => {
        const headers = new Headers(init.headers);
        if (cookie) headers.set('cookie', cookie);
        const response = await t.app.request(url, { ...init, headers });
        const set = /switchyard_session=[^;]*/.exec(response.headers.get('set-cookie') ?? '')?.[0];
        if (set !== undefined) cookie = set;
        return response;
      },
    });
  };
  const adminClient = () =>
    createApiClient({
      baseUrl: 'http://localhost',
      fetch: async (url, init) => t.app.request(url, init),
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
  beforeEach(async () => {
    t = testApp(store);
    locale = 'en';
    await createUser(t.ctx, { email: 'li@example.com', name: 'Li', password: PASSWORD, roles: ['supervisor', 'ops'] }, 'test');
  });

  it('signs in with the session cookie, says who is signed in, and signs out', async () => {
    const tab = browserClient();
    expect(await refusal(tab.me())).toMatchObject({ status: 401 });
    expect(await refusal(tab.login({ email: 'li@example.com', password: 'wrong password' }))).toMatchObject({ status: 401 });
    const me = await tab.login({ email: 'LI@example.com', password: PASSWORD });
    expect(me).toMatchObject({ email: 'li@example.com', name: 'Li', roles: ['supervisor', 'ops'], via: 'session' });
    expect(await tab.me()).toEqual(me);
    await tab.logout();
    expect(await refusal(tab.me())).toMatchObject({ status: 401 });
  });

  it('makes a personal token with fewer roles, shows its secret once, lists and revokes it', async () => {
    const tab = browserClient();
    await tab.login({ email: 'li@example.com', password: PASSWORD });
    const created = await tab.createToken({ name: 'deploy', roles: ['ops'], expiresAt: '2027-01-01T00:00:00Z' });
    expect(created).toMatchObject({ name: 'deploy', roles: ['ops'], revokedAt: null });
    const listed = await tab.listTokens();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: 'deploy', roles: ['ops'] })]);
    expect(listed[0]).not.toHaveProperty('token');
    // The secret works as a bearer token, with the token's roles only.
    const script = createApiClient({
      baseUrl: 'http://localhost',
      fetch: async (url, init) => t.app.request(url, init),
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(await script.me()).toMatchObject({ roles: ['ops'], via: 'token' });
    const refused = await refusal(script.publish('intake'));
    expect(refused).toMatchObject({ status: 403, message: 'needs permission: publish flow versions' });
    expect(refused.missingPermission()).toBe('flows.publish');
    await tab.revokeToken(created.id);
    expect((await tab.listTokens())[0]?.revokedAt).not.toBeNull();
    expect(await refusal(script.me())).toMatchObject({ status: 401 });
  });

  it('lets an admin list, create, change and disable users; others get the permission named in their language', async () => {
    const admin = adminClient();
    const made = await admin.createUser({
      email: 'wang@example.com',
      name: 'Wang',
      password: PASSWORD,
      roles: ['agent'],
      groups: ['billing'],
    });
    expect(made).toMatchObject({ email: 'wang@example.com', roles: ['agent'], groups: ['billing'], disabled: false, hasPassword: true });
    expect((await admin.listUsers()).map((u) => u.email).sort()).toEqual(['li@example.com', 'wang@example.com']);
    expect(await admin.patchUser(made.id, { roles: ['agent', 'supervisor'], disabled: true })).toMatchObject({
      roles: ['agent', 'supervisor'],
      disabled: true,
    });
    const wang = browserClient();
    expect(await refusal(wang.login({ email: 'wang@example.com', password: PASSWORD }))).toMatchObject({ status: 401 });

    const tab = browserClient();
    await tab.login({ email: 'li@example.com', password: PASSWORD });
    locale = 'zh-CN';
    const refused = await refusal(tab.listUsers());
    expect(refused).toMatchObject({ status: 403, message: '需要权限：管理用户和角色' });
  });
});
