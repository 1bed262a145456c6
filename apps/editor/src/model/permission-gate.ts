import { needsPermissionText, type Permission, type Role, ROLES, rolesAllow } from '@switchyard/api';
import type { Locale } from '../i18n/translate';

/** Whether a button may act for the signed-in roles, and if not, the reason its hover shows. */
export type Gate = { readonly allowed: true; readonly reason?: undefined } | { readonly allowed: false; readonly reason: string };

/**
 * The gate of an action needing `permission`, for someone holding `roles`.
 * @example gateOf(['supervisor'], 'rollout.manage', 'en') // { allowed: false, reason: 'needs permission: roll out, promote and roll back versions' }
 */
export function gateOf(roles: readonly Role[], permission: Permission, locale: Locale): Gate {
  return rolesAllow(roles, permission) ? { allowed: true } : { allowed: false, reason: needsPermissionText(permission, locale) };
}

/**
 * The roles a personal token may carry: never more than its owner holds (the server refuses
 * more), in the table's order.
 * @example grantableRoles(['ops', 'agent']) // ['agent', 'ops']
 */
export function grantableRoles(mine: readonly Role[]): Role[] {
  return ROLES.filter((role) => mine.includes(role));
}
