import type { Server } from 'node:http';
import { freePort, testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import type { SsoIdentity } from './oidc-identity';
import type { SsoOptions } from './oidc-routes';
import { sessionSignIn } from './session-sign-in';

/*
 * Single sign-on against a real OpenID Connect provider (panva's oidc-provider, on loopback):
 * the authorization-code flow with PKCE, driven with plain fetch through the provider's own
 * login and consent pages, to a session that works on GET /api/auth/me with the mapped roles.
 */
const APP = 'http://127.0.0.1:3000';
const SECRET = 'switchyard-test-client-secret-0123456789';
const ALICE_ROLES = ['supervisor', 'engineer', 'root'];
const CLAIMS: Record<string, unknown> = {
  email_verified: true,
  name: 'Alice 张',
  switchyard_roles: ALICE_ROLES,
  groups: ['vip-care', 'billing'],
};

describe.each(testDatabases)('SSO through OpenID Connect on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let provider: Server;
  let issuer = '';
  let t: TestApp;
  const signedIn: SsoIdentity[] = [];

  beforeAll(async () => {
    CLAIMS.switchyard_roles = ALICE_ROLES;
    signedIn.length = 0;
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: 'switchyard',
          client_secret: SECRET,
          redirect_uris: [`${APP}/api/auth/oidc/callback`],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({ sub: id, ...CLAIMS, email: id === 'alice-1' ? 'Alice@Example.com' : `${id}@example.com` }),
      }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'switchyard_roles', 'groups'] },
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['oidc-test-cookie-key'] },
    });
    provider = oidc.listen(port, '127.0.0.1');
    const sso: SsoOptions = {
      settings: { issuer, clientId: 'switchyard', clientSecret: SECRET, rolesClaim: 'switchyard_roles', groupsClaim: 'groups' },
      // The deployment's own sign-in (user found or created, session cookie), watched.
      signIn: (c, identity, returnTo) => {
        signedIn.push(identity);
        return sessionSignIn(t.ctx, undefined)(c, identity, returnTo);
      },
    };
    t = testApp(store, { sso });
  });
  afterAll(() => new Promise<void>((resolve) => provider?.close(() => resolve())));

  const app = (url: string, cookie?: string) => t.app.request(url, { headers: { host: '127.0.0.1:3000', ...(cookie ? { cookie } : {}) } });
  const cookiesOf = (answer: Response) => answer.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');

  /** Follows the provider's redirects and submits its login and consent forms until it sends the browser back to the app. */
  async function atProvider(start: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = start;
    let init: RequestInit = {};
    for (let step = 0; step < 12; step++) {
      const answer = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const pair of cookiesOf(answer)) {
        const [name, ...value] = pair.split('=');
        if (name) jar.set(name, value.join('='));
      }
      const location = answer.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.href.startsWith(APP)) return next;
        url = next.href;
        init = {};
        continue;
      }
      const page = await answer.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`the provider answered ${answer.status} without a form: ${page.slice(0, 300)}`);
      const fields = new URLSearchParams();
      for (const [, attributes = ''] of page.matchAll(/<input([^>]*)>/g)) {
        const name = /name="([^"]+)"/.exec(attributes)?.[1];
        if (name) fields.set(name, /value="([^"]*)"/.exec(attributes)?.[1] ?? '');
      }
      if (fields.has('login')) fields.set('login', login);
      if (fields.has('password')) fields.set('password', 'any');
      url = new URL(action, url).href;
      init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }
    throw new Error('the provider never sent the browser back');
  }

  it('lists SSO among the sign-in methods', async () => {
    expect(await t.call('GET', '/api/auth/providers')).toMatchObject({
      status: 200,
      body: { password: true, oidc: {} },
    });
  });

  it('signs a person in: code flow with PKCE, verified ID token, roles and groups mapped from the claims, back to where they were', async () => {
    const start = await app(`${APP}/api/auth/oidc/start?returnTo=/flows/intake`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'switchyard',
      redirect_uri: `${APP}/api/auth/oidc/callback`,
      code_challenge_method: 'S256',
      response_type: 'code',
    });
    const pending = cookiesOf(start).find((c) => c.startsWith('switchyard_oidc='));
    expect(start.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);

    const back = await atProvider(authorize.href, 'alice-1');
    const callback = await app(back.href, pending);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/flows/intake');
    const session = cookiesOf(callback).find((c) => c.startsWith('switchyard_session='));
    const me = await app(`${APP}/api/auth/me`, session);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: 'alice@example.com',
      name: 'Alice 张',
      roles: ['supervisor', 'engineer'],
      groups: ['vip-care', 'billing'],
      via: 'session',
    });
    expect(signedIn.at(-1)).toEqual({
      issuer,
      subject: 'alice-1',
      email: 'alice@example.com',
      name: 'Alice 张',
      roles: ['supervisor', 'engineer'],
      groups: ['vip-care', 'billing'],
    });

    // The pending sign-in is used up: the same answer replayed is refused.
    const replay = await app(back.href, pending);
    expect(replay.status).toBe(400);
    expect(signedIn).toHaveLength(1);
  });

  it('refuses a callback whose state was not started here, naming why in both languages', async () => {
    const start = await app(`${APP}/api/auth/oidc/start`);
    const back = await atProvider(start.headers.get('location') ?? '', 'mallory');
    const forged = await app(back.href);
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({
      error: 'this sign-in has expired or was not started here; sign in again',
      details: { message: { 'zh-CN': '此次登录已过期或并非从本站发起，请重新登录' } },
    });
    // A cookie from another sign-in does not fit this answer's state.
    const other = cookiesOf(await app(`${APP}/api/auth/oidc/start`)).find((c) => c.startsWith('switchyard_oidc='));
    expect((await app(back.href, other)).status).toBe(400);
    expect(signedIn.map((s) => s.subject)).not.toContain('mallory');
  });

  it('sends an outside returnTo home, not to another site', async () => {
    const start = await app(`${APP}/api/auth/oidc/start?returnTo=//evil.example/x`);
    const back = await atProvider(start.headers.get('location') ?? '', 'bob');
    const callback = await app(
      back.href,
      cookiesOf(start).find((c) => c.startsWith('switchyard_oidc=')),
    );
    expect(callback.headers.get('location')).toBe('/');
  });

  it('finds the same user again at the next sign-in, with the roles the provider gives now', async () => {
    CLAIMS.switchyard_roles = 'ops';
    const start = await app(`${APP}/api/auth/oidc/start`);
    const back = await atProvider(start.headers.get('location') ?? '', 'alice-1');
    const callback = await app(
      back.href,
      cookiesOf(start).find((c) => c.startsWith('switchyard_oidc=')),
    );
    const me = await app(
      `${APP}/api/auth/me`,
      cookiesOf(callback).find((c) => c.startsWith('switchyard_session=')),
    );
    expect(await me.json()).toMatchObject({ email: 'alice@example.com', roles: ['ops'] });
    const users = await store.db.selectFrom('users').select(['email', 'oidc_subject']).where('email', '=', 'alice@example.com').execute();
    expect(users).toEqual([{ email: 'alice@example.com', oidc_subject: 'alice-1' }]);
  });

  it('refuses a person whose claims grant no Switchyard role, and opens no session', async () => {
    CLAIMS.switchyard_roles = ['superuser'];
    const start = await app(`${APP}/api/auth/oidc/start`);
    const back = await atProvider(start.headers.get('location') ?? '', 'carol');
    const callback = await app(
      back.href,
      cookiesOf(start).find((c) => c.startsWith('switchyard_oidc=')),
    );
    expect(callback.status).toBe(403);
    expect(cookiesOf(callback).some((c) => c.startsWith('switchyard_session=') && c.length > 'switchyard_session='.length)).toBe(false);
    expect(await callback.json()).toMatchObject({ details: { reason: 'no-role' } });
  });
});
