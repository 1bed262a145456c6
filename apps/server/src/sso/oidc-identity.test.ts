import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './oidc-identity';
import { oidcSettingsFromEnv } from './oidc-settings';

const mapping = { rolesClaim: 'switchyard_roles', groupsClaim: 'groups' };

describe('identityFromClaims', () => {
  it('reads roles from a space- or comma-separated string too, dropping names Switchyard does not know', () => {
    expect(identityFromClaims('https://idp', { sub: 'u1', switchyard_roles: 'Admin, ops superuser', groups: 'g1 g2' }, mapping)).toEqual({
      issuer: 'https://idp',
      subject: 'u1',
      email: null,
      name: 'u1',
      roles: ['admin', 'ops'],
      groups: ['g1', 'g2'],
    });
  });

  it('keeps an email only when the provider did not say it is unverified', () => {
    expect(identityFromClaims('i', { sub: 'u', email: 'A@B.cn', email_verified: false }, mapping).email).toBeNull();
    expect(identityFromClaims('i', { sub: 'u', email: 'A@B.cn' }, mapping)).toMatchObject({ email: 'a@b.cn', name: 'a@b.cn', roles: [] });
  });

  it('refuses claims without a subject', () => {
    expect(() => identityFromClaims('i', { email: 'a@b.cn' }, mapping)).toThrow(/no subject/);
  });
});

describe('oidcSettingsFromEnv', () => {
  it('is off without an issuer, and names the variable missing beside one', () => {
    expect(oidcSettingsFromEnv({})).toBeUndefined();
    expect(() => oidcSettingsFromEnv({ SWITCHYARD_OIDC_ISSUER: 'https://idp' })).toThrow(/SWITCHYARD_OIDC_CLIENT_ID/);
    expect(
      oidcSettingsFromEnv({ SWITCHYARD_OIDC_ISSUER: 'https://idp', SWITCHYARD_OIDC_CLIENT_ID: 'c', SWITCHYARD_OIDC_CLIENT_SECRET: 's' }),
    ).toEqual({
      issuer: 'https://idp',
      clientId: 'c',
      clientSecret: 's',
      rolesClaim: 'switchyard_roles',
      groupsClaim: undefined,
      publicUrl: undefined,
    });
  });
});
