import { Me, TokenCreated, TokenList, UserView } from '@switchyard/api';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS, createUser } from '@switchyard/runtime';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectBody } from '../__fixtures__/route-contract';
import { type TestApp, testApp } from '../__fixtures__/test-app';

const PASSWORD = 'correct horse battery';
const CSRF = { 'x-switchyard-csrf': '1' };

/** The `name=value` of the session cookie an answer sets. */
function sessionCookie(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  const match = /switchyard_session=([^;]*)/.exec(set);
  if (!match?.[1]) throw new Error(`no session cookie in ${set}`);
  return `switchyard_session=${match[1]}`;
}

describe.each(testDatabases)('sign-in, sessions and tokens on $name', (target) => {
  const store = useTestDatabase(target);
  let t: TestApp;
  beforeEach(async () => {
    t = testApp(store, { trustProxy: true });
    await createUser(
      t.ctx,
      { email: 'Li@Example.com', name: 'Li', password: PASSWORD, roles: ['supervisor'], groups: ['billing'] },
      'test',
    );
  });
  const login = (password: string, headers: Record<string, string> = {}) =>
    t.anonymous.call('POST', '/api/auth/login', { email: 'li@example.com', password }, { ...CSRF, ...headers });

  it('signs in with an HttpOnly, SameSite=Lax cookie that opens /api/auth/me, and signs out', async () => {
    const answer = await login(PASSWORD);
    expect(answer.status).toBe(200);
    expect(expectBody(answer, Me)).toMatchObject({ email: 'li@example.com', roles: ['supervisor'], groups: ['billing'], via: 'session' });
    const set = answer.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/);
    const cookie = sessionCookie(answer.headers);
    // The cookie's secret is not what the database keeps.
    const sessions = await store.db.selectFrom('sessions').select('id').execute();
    expect(sessions).toHaveLength(1);
    expect(cookie).not.toContain(sessions[0]?.id);
    expect(expectBody(await t.anonymous.call('GET', '/api/auth/me', undefined, { cookie }), Me).email).toBe('li@example.com');
    expect((await t.anonymous.call('POST', '/api/auth/logout', undefined, { cookie, ...CSRF })).status).toBe(200);
    expect((await t.anonymous.call('GET', '/api/auth/me', undefined, { cookie })).status).toBe(401);
  });

  it('makes the cookie Secure when the public URL is https', async () => {
    const secure = testApp(store, { publicUrl: 'https://switchyard.example.com' });
    const answer = await secure.anonymous.call('POST', '/api/auth/login', { email: 'li@example.com', password: PASSWORD }, CSRF);
    expect(answer.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers one generic 401 for a wrong password and an unknown email', async () => {
    const wrong = await login('not the password');
    const unknown = await t.anonymous.call('POST', '/api/auth/login', { email: 'nobody@example.com', password: PASSWORD }, CSRF);
    expect(wrong).toMatchObject({ status: 401, body: { error: 'wrong email or password' } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('locks an account after 5 failures in 15 minutes with 429 and Retry-After, even for the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i++) expect((await login(`wrong ${i}`)).status).toBe(401);
    const locked = await login(PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.ctx.clock.advance(15 * 60 * 1000 + 1000);
    expect((await login(PASSWORD)).status).toBe(200);
  });

  it('limits failures per address too (20), across accounts', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 20; i++) {
      const answer = await t.anonymous.call(
        'POST',
        '/api/auth/login',
        { email: `u${i}@example.com`, password: 'guess' },
        { ...CSRF, ...from },
      );
      expect(answer.status).toBe(401);
    }
    expect((await login(PASSWORD, from)).status).toBe(429);
    expect((await login(PASSWORD, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF header (403) and lets the same write through with it; bearer requests need none', async () => {
    const cookie = sessionCookie((await login(PASSWORD)).headers);
    const group = { id: 'billing', name: 'Billing' };
    const refused = await t.anonymous.call('POST', '/api/flows', { name: 'x' }, { cookie });
    expect(refused).toMatchObject({ status: 403, body: { details: { header: 'X-Switchyard-CSRF' } } });
    expect(await store.db.selectFrom('flows').select('id').execute()).toEqual([]);
    expect((await t.anonymous.call('POST', '/api/auth/login', { email: 'li@example.com', password: PASSWORD })).status).toBe(403);
    expect((await t.call('POST', '/api/groups', group)).status).toBe(200);
  });

  it('ends a session after 12 idle hours and after 7 days whatever happens', async () => {
    const cookie = sessionCookie((await login(PASSWORD)).headers);
    t.ctx.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await t.anonymous.call('GET', '/api/auth/me', undefined, { cookie })).status).toBe(200);
    t.ctx.clock.advance(SESSION_IDLE_MS + 1000);
    expect((await t.anonymous.call('GET', '/api/auth/me', undefined, { cookie })).status).toBe(401);

    const second = sessionCookie((await login(PASSWORD)).headers);
    for (let elapsed = 0; elapsed < SESSION_LIFETIME_MS; elapsed += SESSION_IDLE_MS / 2) {
      t.ctx.clock.advance(SESSION_IDLE_MS / 2);
      const status = (await t.anonymous.call('GET', '/api/auth/me', undefined, { cookie: second })).status;
      expect(status).toBe(elapsed + SESSION_IDLE_MS / 2 < SESSION_LIFETIME_MS ? 200 : 401);
    }
  });

  it('creates a token shown once and stored hashed, lists it without its secret, and revokes it', async () => {
    const cookie = sessionCookie((await login(PASSWORD)).headers);
    const created = expectBody(await t.anonymous.call('POST', '/api/tokens', { name: 'cli' }, { cookie, ...CSRF }), TokenCreated);
    expect(created.token).toMatch(/^syt_/);
    expect(created.roles).toEqual(['supervisor']);
    const rows = await store.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect(expectBody(await t.anonymous.call('GET', '/api/auth/me', undefined, bearer), Me)).toMatchObject({ via: 'token' });
    const listed = await t.anonymous.call('GET', '/api/tokens', undefined, bearer);
    expect(expectBody(listed, TokenList).map((token) => token.name)).toEqual(['cli']);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    // The audit names the token and its user.
    await t.anonymous.call('POST', '/api/flows', { name: 'By token' }, bearer);
    const audit = await store.db.selectFrom('audit_log').select('actor').where('kind', '=', 'flow.created').execute();
    expect(audit).toEqual([{ actor: 'token:cli/li@example.com' }]);
    expect((await t.anonymous.call('DELETE', `/api/tokens/${created.id}`, undefined, bearer)).status).toBe(200);
    expect((await t.anonymous.call('GET', '/api/auth/me', undefined, bearer)).status).toBe(401);
  });

  it("refuses token roles beyond the user's, lets a token expire, and narrows a token to its roles", async () => {
    await createUser(t.ctx, { email: 'ma@example.com', name: 'Ma', password: PASSWORD, roles: ['agent', 'engineer'] }, 'test');
    const signedIn = await t.anonymous.call('POST', '/api/auth/login', { email: 'ma@example.com', password: PASSWORD }, CSRF);
    const headers = { cookie: sessionCookie(signedIn.headers), ...CSRF };
    expect(await t.anonymous.call('POST', '/api/tokens', { name: 'x', roles: ['admin'] }, headers)).toMatchObject({
      status: 400,
      body: { details: { field: 'roles' } },
    });
    const expiresAt = new Date(t.ctx.clock.now().getTime() + 60 * 60 * 1000).toISOString();
    const narrow = expectBody(
      await t.anonymous.call('POST', '/api/tokens', { name: 'engineer-only', roles: ['engineer'], expiresAt }, headers),
      TokenCreated,
    );
    const bearer = { authorization: `Bearer ${narrow.token}` };
    expect(await t.anonymous.call('GET', '/api/tickets', undefined, bearer)).toMatchObject({
      status: 403,
      body: { details: { permission: 'tickets.read' } },
    });
    expect((await t.anonymous.call('GET', '/api/secrets', undefined, bearer)).status).toBe(200);
    t.ctx.clock.advance(60 * 60 * 1000);
    expect((await t.anonymous.call('GET', '/api/secrets', undefined, bearer)).status).toBe(401);
  });

  it('lets admins create and change users, and users change only their own name, language and password', async () => {
    const created = expectBody(
      await t.call('POST', '/api/users', {
        email: 'Wang@Example.com',
        name: 'Wang',
        password: 'another password',
        roles: ['agent'],
        groups: ['billing'],
      }),
      UserView,
    );
    expect(created).toMatchObject({ email: 'wang@example.com', hasPassword: true, roles: ['agent'] });
    expect((await t.call('POST', '/api/users', { email: 'wang@example.com', name: 'W', roles: ['agent'] })).status).toBe(409);
    const wang = sessionCookie(
      (await t.anonymous.call('POST', '/api/auth/login', { email: 'wang@example.com', password: 'another password' }, CSRF)).headers,
    );
    const own = { cookie: wang, ...CSRF };
    expect((await t.anonymous.call('PATCH', `/api/users/${created.id}`, { language: 'zh-CN' }, own)).status).toBe(200);
    expect(await t.anonymous.call('PATCH', `/api/users/${created.id}`, { roles: ['admin'] }, own)).toMatchObject({
      status: 403,
      body: { details: { permission: 'users.manage' } },
    });
    expect((await t.anonymous.call('GET', '/api/users', undefined, own)).status).toBe(403);
    const disabled = await t.call('PATCH', `/api/users/${created.id}`, { disabled: true });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect((await t.anonymous.call('GET', '/api/auth/me', undefined, { cookie: wang })).status).toBe(401);
    const audit = await store.db.selectFrom('audit_log').select(['actor', 'kind']).where('kind', 'like', 'user.%').orderBy('id').execute();
    expect(audit.map((row) => `${row.actor} ${row.kind}`)).toEqual([
      'test user.created',
      'admin user.created',
      'wang@example.com user.changed',
      'admin user.changed',
    ]);
  });
});
