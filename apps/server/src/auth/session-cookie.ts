import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env';

/** The session cookie's name: HttpOnly (scripts never see it), SameSite=Lax, Path=/, Secure behind https. */
export const SESSION_COOKIE = 'switchyard_session';

/** Whether cookies must be Secure: the request came over https, or the public URL people use is https (TLS ends at a proxy). */
function secureFor(c: Context<AppEnv>, publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith('https:') === true || new URL(c.req.url).protocol === 'https:';
}

/** Sets the session cookie to a new session's secret, until the session's absolute end. */
export function setSessionCookie(c: Context<AppEnv>, secret: string, expiresAt: Date, publicUrl: string | undefined): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureFor(c, publicUrl),
    path: '/',
    expires: expiresAt,
  });
}

/** The session secret the request carries, if any. */
export function sessionSecretOf(c: Context<AppEnv>): string | undefined {
  const secret = getCookie(c, SESSION_COOKIE);
  return secret === undefined || secret === '' || secret.length > 200 ? undefined : secret;
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>, publicUrl: string | undefined): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureFor(c, publicUrl) });
}
