import { describe, expect, it } from 'vitest';
import { noSecrets, SecretError, secretsFrom } from './node-secrets';

describe('secretsFrom', () => {
  const secrets = secretsFrom(
    { BILLING_API_KEY: 'sk-1', EMPTY: '' },
    { nodeType: 'billing.suspend', declared: ['BILLING_API_KEY', 'EMPTY', 'ERP_TOKEN'], hint: 'set SWITCHYARD_SECRET_<NAME>' },
  );

  it('gives a declared secret that is set', () => {
    expect(secrets.get('BILLING_API_KEY')).toBe('sk-1');
    expect(secrets.has('BILLING_API_KEY')).toBe(true);
  });

  it('throws naming a declared secret that is unset or empty, with the hint', () => {
    expect(() => secrets.get('ERP_TOKEN')).toThrow(
      new SecretError('secret ERP_TOKEN is not set (node billing.suspend): set SWITCHYARD_SECRET_ERP_TOKEN', 'ERP_TOKEN'),
    );
    expect(secrets.has('EMPTY')).toBe(false);
  });

  it('refuses a secret the node did not declare, so the catalog stays true', () => {
    expect(() => secrets.get('DATABASE_URL')).toThrow('node billing.suspend reads secret DATABASE_URL but does not declare it');
    expect(() => secrets.has('DATABASE_URL')).toThrow(SecretError);
  });
});

describe('noSecrets', () => {
  it('refuses every read, saying where', () => {
    expect(() => noSecrets('in a dry-run').get('K')).toThrow('secret K cannot be read in a dry-run');
  });
});
