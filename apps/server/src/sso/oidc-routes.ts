import { createRoute } from '@hono/zod-openapi';
import { AuthProviders } from '@switchyard/api';
import type { Context } from 'hono';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import type { AppEnv, SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { jsonContent, publicErrorResponses } from '../error-responses';
import { oidcConfiguration } from './oidc-client';
import { identityFromClaims, type SsoIdentity } from './oidc-identity';
import type { OidcSettings } from './oidc-settings';
import { setPendingCookie, stateCookieKey, takePendingCookie } from './oidc-state-cookie';

/** Signs the identity in (finds or creates the user by issuer+subject or email, sets the session cookie) and answers: a redirect to `returnTo`. */
export type SsoSignIn = (c: Context<AppEnv>, identity: SsoIdentity, returnTo: string) => Promise<Response>;

export interface SsoOptions {
  readonly settings: OidcSettings;
  readonly signIn: SsoSignIn;
}

export const OIDC_START_PATH = '/api/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const providers = createRoute({
  method: 'get',
  operationId: 'listSignInProviders',
  path: '/api/auth/providers',
  description:
    'Public: whether password sign-in is on and whether single sign-on is configured, so the sign-in page can show its SSO button.',
  tags: ['auth'],
  summary: 'How people can sign in: password, and single sign-on when an OpenID Connect provider is configured',
  security: [],
  responses: { 200: jsonContent(AuthProviders, 'The sign-in methods', { password: true, oidc: {} }), ...publicErrorResponses() },
});

/** GET /api/auth/providers, for the sign-in page's SSO button. */
export function authProviderRoutes(sso: SsoOptions | undefined): SwitchyardApp {
  // The editor starts SSO at oidcStartPath (@switchyard/api); the provider's address is no business of the page.
  const answer: AuthProviders = { password: true, oidc: sso ? {} : null };
  return createRouter().openapi(providers, (c) => c.json(answer, 200));
}

/** Only a path of this site: an absolute URL or `//host` would make the sign-in an open redirect. */
const localPath = (value: string | undefined) => (value && /^\/(?!\/)/.test(value) && !value.includes('\\') ? value : '/');

const failure = (c: Context<AppEnv>, status: 400 | 502, en: string, zh: string) =>
  c.json({ error: en, details: { message: { en, 'zh-CN': zh } } }, status);

/**
 * The OpenID Connect authorization-code flow (openid-client): `/start` sends the browser to the
 * provider with PKCE, state and nonce (kept in a signed 10-minute cookie); `/callback` exchanges
 * the code, verifies the ID token (signature, issuer, audience, nonce), completes the claims from
 * userinfo, maps them to roles and groups and hands the identity to `signIn`.
 */
export function addOidcRoutes(app: SwitchyardApp, sso: SsoOptions, logger: Logger, now: () => number = Date.now): void {
  const { settings } = sso;
  const configuration = oidcConfiguration(settings);
  const key = stateCookieKey(settings.clientSecret);
  const redirectUri = (c: Context) => `${settings.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin}${OIDC_CALLBACK_PATH}`;

  app.get(OIDC_START_PATH, async (c) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      logger.error({ err: error, issuer: settings.issuer }, 'the OpenID Connect provider could not be reached');
      return failure(c, 502, 'the sign-in provider cannot be reached; try again later', '无法连接单点登录服务，请稍后再试');
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await setPendingCookie(c, key, { verifier, state, nonce, returnTo: localPath(c.req.query('returnTo')) }, now());
    const target = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(c),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return c.redirect(target.href, 302);
  });

  app.get(OIDC_CALLBACK_PATH, async (c) => {
    const pending = await takePendingCookie(c, key, now());
    if (!pending) {
      return failure(
        c,
        400,
        'this sign-in has expired or was not started here; sign in again',
        '此次登录已过期或并非从本站发起，请重新登录',
      );
    }
    try {
      const config = await configuration();
      // The URL the provider sent the browser to, on the redirect URI it was given (a proxy may have changed the request's own).
      const current = new URL(redirectUri(c));
      current.search = new URL(c.req.url).search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider sent no ID token');
      const userinfo = config.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(config, tokens.access_token, claims.sub) : {};
      // The ID token's claims are verified; userinfo only adds what it lacks.
      const identity = identityFromClaims(claims.iss, { ...userinfo, ...claims }, settings);
      return await sso.signIn(c, identity, pending.returnTo);
    } catch (error) {
      logger.warn({ err: error, issuer: settings.issuer }, 'single sign-on failed');
      return failure(c, 400, 'single sign-on failed; sign in again', '单点登录失败，请重新登录');
    }
  });
}
