import type { CreateTokenRequest, Role } from '@switchyard/api';

/** How long a new token lives: a number of days, or until revoked. */
export const TOKEN_EXPIRIES = ['7', '30', '90', '365', 'never'] as const;
export type TokenExpiry = (typeof TOKEN_EXPIRIES)[number];

/** The token dialog's fields. */
export interface TokenForm {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly expiry: TokenExpiry;
}

/** What is wrong with a token form, per field (message keys of the dictionaries). */
export interface TokenFormErrors {
  readonly name?: 'tokens.error.name';
  readonly roles?: 'tokens.error.roles';
}

const DAY_MS = 86_400_000;

/**
 * The request a token form makes, or what to fix first: a name, at least one role among
 * `mine` (a token never carries more than its owner), the expiry as a date from `now`.
 * @example tokenRequestOf({ name: 'ci', roles: ['ops'], expiry: '30' }, ['ops'], new Date('2026-01-01T00:00:00Z'))
 * // { ok: true, request: { name: 'ci', roles: ['ops'], expiresAt: '2026-01-31T00:00:00.000Z' } }
 */
export function tokenRequestOf(
  form: TokenForm,
  mine: readonly Role[],
  now: Date,
): { readonly ok: true; readonly request: CreateTokenRequest } | { readonly ok: false; readonly errors: TokenFormErrors } {
  const name = form.name.trim();
  const roles = form.roles.filter((role) => mine.includes(role));
  const errors: { name?: 'tokens.error.name'; roles?: 'tokens.error.roles' } = {};
  if (!name || name.length > 200) errors.name = 'tokens.error.name';
  if (roles.length === 0) errors.roles = 'tokens.error.roles';
  if (errors.name || errors.roles) return { ok: false, errors };
  const request: CreateTokenRequest = { name, roles };
  if (form.expiry !== 'never') request.expiresAt = new Date(now.getTime() + Number(form.expiry) * DAY_MS).toISOString();
  return { ok: true, request };
}

/** A listed token's state: revoked, expired (by `now`), or working. */
export function tokenState(token: { readonly revokedAt: string | null; readonly expiresAt: string | null }, now: Date) {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}
