import { Role } from '@switchyard/api';

/** Who the provider says signed in, with the roles and groups its claims map to. */
export interface SsoIdentity {
  readonly issuer: string;
  /** The provider's stable id of the person (`sub`): with the issuer, what a user is found by. */
  readonly subject: string;
  /** Lower-cased; null when the provider sent none or did not verify it. */
  readonly email: string | null;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly groups: readonly string[];
}

/** A claim's values: an array of strings, or one string of space- or comma-separated values. */
function claimValues(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [
    ...new Set(
      items
        .filter((item): item is string => typeof item === 'string')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

/**
 * Maps verified claims (ID token, completed from userinfo) to an identity: roles from the roles
 * claim (names Switchyard does not know are dropped, never guessed), groups from the groups
 * claim, the email only when the provider did not say it is unverified.
 */
export function identityFromClaims(
  issuer: string,
  claims: Readonly<Record<string, unknown>>,
  mapping: { readonly rolesClaim: string; readonly groupsClaim?: string | undefined },
): SsoIdentity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') throw new Error('the provider sent no subject (sub)');
  const email = typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.trim().toLowerCase() : null;
  const name =
    [claims.name, claims.preferred_username, email, subject].find((v): v is string => typeof v === 'string' && v !== '') ?? subject;
  const roles = claimValues(claims[mapping.rolesClaim]).flatMap((value) => {
    const role = Role.safeParse(value.toLowerCase());
    return role.success ? [role.data] : [];
  });
  const groups = mapping.groupsClaim ? claimValues(claims[mapping.groupsClaim]) : [];
  return { issuer, subject, email, name, roles, groups };
}
