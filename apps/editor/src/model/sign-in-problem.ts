import { ApiError, formatMs } from '@switchyard/api';
import { z } from 'zod';
import type { Locale } from '../i18n/translate';

/** Why a sign-in failed, as the sign-in page tells it. */
export type SignInProblem =
  | { readonly kind: 'wrong' }
  /** Too many failed attempts: `wait` is how long until the next may be tried, in the page's language. */
  | { readonly kind: 'locked'; readonly wait: string }
  | { readonly kind: 'other'; readonly message: string };

/** The seconds a 429 asks to wait, from its details. */
const LockoutDetails = z.object({ retryAfterSeconds: z.number().nonnegative() });

/**
 * What a failed `api.login` means: a 401 is a wrong email or password (the server does not say
 * which), a 429 a lockout with the wait, anything else as the server said it.
 * @example signInProblem(new ApiError(429, '…', { retryAfterSeconds: 300 }, {}, 'POST /api/auth/login'), 'en') // { kind: 'locked', wait: '5 min' }
 */
export function signInProblem(error: unknown, locale: Locale): SignInProblem {
  if (!(error instanceof ApiError)) return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  if (error.status === 401) return { kind: 'wrong' };
  if (error.status === 429) {
    const seconds = LockoutDetails.safeParse(error.details).data?.retryAfterSeconds ?? 60;
    // A whole second at least: "0 s" would invite an attempt that is refused again.
    return { kind: 'locked', wait: formatMs(Math.max(1, Math.ceil(seconds)) * 1_000, locale) };
  }
  return { kind: 'other', message: error.message };
}
