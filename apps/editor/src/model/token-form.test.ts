import { describe, expect, it } from 'vitest';
import { tokenRequestOf, tokenState } from './token-form';

const now = new Date('2026-01-01T00:00:00Z');

describe('tokenRequestOf', () => {
  it('makes the request with the expiry as a date from now, or none for a token kept until revoked', () => {
    expect(tokenRequestOf({ name: ' ci ', roles: ['ops'], expiry: '30' }, ['ops', 'engineer'], now)).toEqual({
      ok: true,
      request: { name: 'ci', roles: ['ops'], expiresAt: '2026-01-31T00:00:00.000Z' },
    });
    expect(tokenRequestOf({ name: 'cli', roles: ['engineer'], expiry: 'never' }, ['engineer'], now)).toEqual({
      ok: true,
      request: { name: 'cli', roles: ['engineer'] },
    });
  });

  it('never asks for a role its owner does not hold, and names each field to fix', () => {
    expect(tokenRequestOf({ name: '', roles: ['admin'], expiry: '7' }, ['ops'], now)).toEqual({
      ok: false,
      errors: { name: 'tokens.error.name', roles: 'tokens.error.roles' },
    });
    expect(tokenRequestOf({ name: 'x', roles: ['admin', 'ops'], expiry: '7' }, ['ops'], now)).toMatchObject({
      ok: true,
      request: { roles: ['ops'] },
    });
  });
});

describe('tokenState', () => {
  it('tells revoked, expired and working tokens apart', () => {
    expect(tokenState({ revokedAt: '2025-12-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(tokenState({ revokedAt: null, expiresAt: '2025-12-31T23:59:59Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-02-01T00:00:00Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });
});
