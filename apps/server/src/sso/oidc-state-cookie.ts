import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { z } from 'zod';

const COOKIE = 'switchyard_oidc';
const PATH = '/api/auth/oidc';
/** Long enough to sign in at the provider (a password, a second factor), short enough not to linger. */
const LIFETIME_SECONDS = 10 * 60;

/** What a sign-in keeps between leaving for the provider and coming back: PKCE verifier, state, nonce, where to land. */
export const OidcPending = z.strictObject({
  verifier: z.string().min(43).max(128),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  returnTo: z.string().max(500),
  expiresAt: z.number(),
});
export type OidcPending = z.infer<typeof OidcPending>;

/** The HMAC key of the cookie: derived from the client secret, so every server of one deployment accepts it. */
export const stateCookieKey = (clientSecret: string) =>
  createHash('sha256').update(`switchyard oidc state\n${clientSecret}`).digest('base64url');

/** Sets the signed, HttpOnly, SameSite=Lax cookie (it must come back on the provider's top-level redirect). */
export async function setPendingCookie(c: Context, key: string, pending: Omit<OidcPending, 'expiresAt'>, now: number): Promise<void> {
  const value = JSON.stringify({ ...pending, expiresAt: now + LIFETIME_SECONDS * 1000 });
  await setSignedCookie(c, COOKIE, value, key, {
    httpOnly: true,
    sameSite: 'Lax',
    path: PATH,
    maxAge: LIFETIME_SECONDS,
    secure: new URL(c.req.url).protocol === 'https:',
  });
}

/** The pending sign-in, once: the cookie is cleared; undefined when missing, forged or expired. */
export async function takePendingCookie(c: Context, key: string, now: number): Promise<OidcPending | undefined> {
  const raw = await getSignedCookie(c, key, COOKIE);
  deleteCookie(c, COOKIE, { path: PATH });
  if (typeof raw !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const pending = OidcPending.safeParse(parsed);
  return pending.success && pending.data.expiresAt > now ? pending.data : undefined;
}
