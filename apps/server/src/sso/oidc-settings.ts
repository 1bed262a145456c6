/** The OpenID Connect provider Switchyard signs people in with (SWITCHYARD_OIDC_*). */
export interface OidcSettings {
  /** The issuer URL; its `/.well-known/openid-configuration` is read at the first sign-in. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The claim holding Switchyard roles (`switchyard_roles` by default): an array, or a space- or comma-separated string. */
  readonly rolesClaim: string;
  /** The claim holding roster group ids, if the provider sends them. */
  readonly groupsClaim?: string | undefined;
  /** The address people use (SWITCHYARD_PUBLIC_URL): the redirect URI is built on it; else on the request's own origin. */
  readonly publicUrl?: string | undefined;
}

/**
 * SSO settings from the environment; undefined when SWITCHYARD_OIDC_ISSUER is not set.
 * Throws, naming the variable, when the issuer is set without its client id and secret.
 */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.SWITCHYARD_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.SWITCHYARD_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.SWITCHYARD_OIDC_CLIENT_SECRET;
  if (!clientId) throw new Error('SWITCHYARD_OIDC_ISSUER is set: set SWITCHYARD_OIDC_CLIENT_ID too');
  if (!clientSecret) throw new Error('SWITCHYARD_OIDC_ISSUER is set: set SWITCHYARD_OIDC_CLIENT_SECRET too');
  return {
    issuer,
    clientId,
    clientSecret,
    rolesClaim: env.SWITCHYARD_OIDC_ROLES_CLAIM?.trim() || 'switchyard_roles',
    groupsClaim: env.SWITCHYARD_OIDC_GROUPS_CLAIM?.trim() || undefined,
    publicUrl: env.SWITCHYARD_PUBLIC_URL?.trim() || undefined,
  };
}
