import * as client from 'openid-client';
import type { OidcSettings } from './oidc-settings';

/**
 * The provider's configuration, discovered once (and again after a failure, so a provider that
 * was down at the first sign-in is found later). Plain http is accepted for a loopback issuer
 * only (a provider on the same machine, tests); anything else must be https.
 */
export function oidcConfiguration(settings: OidcSettings): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | undefined;
  return () => {
    pending ??= discover(settings).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function discover(settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const loopbackHttp = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  return client.discovery(
    issuer,
    settings.clientId,
    undefined,
    client.ClientSecretPost(settings.clientSecret),
    loopbackHttp ? { execute: [client.allowInsecureRequests] } : {},
  );
}
