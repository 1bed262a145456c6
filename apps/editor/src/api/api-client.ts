import { ApiError, createApiClient } from '@switchyard/api';
import type { Locale } from '../i18n/translate';

const TOKEN_KEY = 'switchyard.token';
const LOCALE_KEY = 'switchyard.locale';

/** A value kept in localStorage, or null where there is none (or no storage). */
function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the API token for later requests; an empty one forgets it. */
export function saveToken(token: string): void {
  if (token.trim()) localStorage.setItem(TOKEN_KEY, token.trim());
  else localStorage.removeItem(TOKEN_KEY);
}

/** True when the server refused a request for want of a (valid) token. */
export const needsToken = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/**
 * The server's API on relative URLs (the server serves the editor from the same origin): the
 * client the CLI uses too, with the token the token form saved and the page's language.
 */
export const api = createApiClient({
  baseUrl: '',
  headers: (): Record<string, string> => {
    const token = stored(TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  },
  locale: (): Locale => (stored(LOCALE_KEY) === 'zh-CN' ? 'zh-CN' : 'en'),
});
