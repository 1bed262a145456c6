import { ApiError, createApiClient } from '@switchyard/api';
import type { Locale } from '../i18n/translate';

const LOCALE_KEY = 'switchyard.locale';

/** A value kept in localStorage, or null where there is none (or no storage). */
function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

const signedOutListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the server answers 401 (the session expired, was ended elsewhere,
 * or the user was disabled), so the app shows the sign-in page; returns the unsubscribe.
 */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** True when the server refused a request because nobody is signed in. */
export const isSignedOut = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/**
 * The server's API on relative URLs (the server serves the editor from the same origin): the
 * client the CLI uses too, signed in by the session cookie, in the page's language. No token is
 * kept in the page: a script cannot read the HttpOnly cookie.
 */
export const api = createApiClient({
  baseUrl: '',
  fetch: async (url, init) => {
    const response = await globalThis.fetch(url, init);
    // A refused password is the sign-in page's own answer, not a lost session.
    if (response.status === 401 && !url.endsWith('/api/auth/login')) for (const listener of signedOutListeners) listener();
    return response;
  },
  locale: (): Locale => (stored(LOCALE_KEY) === 'zh-CN' ? 'zh-CN' : 'en'),
});
