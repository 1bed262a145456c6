import { describe, expect, it } from 'vitest';
import type { Rollout } from '@switchyard/api';
import { buildMigrateRequest, migrateFormFor } from './migrate-form';

const rollout = { stable: 3, candidate: 4 } as const satisfies Partial<Rollout>;

describe('migrateFormFor', () => {
  it("suggests moving the candidate's tickets back to stable, or nothing without a candidate", () => {
    expect(migrateFormFor({ ...rollout } as Rollout)).toEqual({ from: 4, to: 3, tickets: '', reason: '' });
    expect(migrateFormFor({ ...rollout, candidate: null } as Rollout)).toMatchObject({ from: null, to: null });
  });
});

describe('buildMigrateRequest', () => {
  it('sends the versions, the listed tickets once each, and the reason when given', () => {
    expect(buildMigrateRequest({ from: 4, to: 3, tickets: 'T-1, T-2\nT-1  T-3', reason: ' v4 breaks ' })).toEqual({
      request: { from: 4, to: 3, tickets: ['T-1', 'T-2', 'T-3'], reason: 'v4 breaks' },
    });
    expect(buildMigrateRequest({ from: 4, to: 3, tickets: ' ', reason: '' })).toEqual({ request: { from: 4, to: 3 } });
  });

  it('names each bad field and sends nothing', () => {
    expect(buildMigrateRequest({ from: null, to: null, tickets: '', reason: '' })).toEqual({
      errors: { from: 'migrate.error.pick', to: 'migrate.error.pick' },
    });
    expect(buildMigrateRequest({ from: 3, to: 3, tickets: '', reason: '' })).toEqual({ errors: { to: 'migrate.error.same' } });
    const many = Array.from({ length: 10_001 }, (_, i) => `T-${i}`).join(',');
    expect(buildMigrateRequest({ from: 4, to: 3, tickets: many, reason: '' })).toEqual({ errors: { tickets: 'migrate.error.tickets' } });
  });
});
