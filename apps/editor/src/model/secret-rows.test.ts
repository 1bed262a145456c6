import { describe, expect, it } from 'vitest';
import type { SecretView } from '@switchyard/api';
import { missingSecrets, secretNameProblem, secretValueProblem, sortSecrets } from './secret-rows';

const secret = (name: string, set: boolean, usedBy: string[] = []): SecretView => ({
  name,
  set,
  source: set ? 'table' : null,
  encrypted: set ? true : null,
  updatedAt: null,
  usedBy,
});

describe('missingSecrets', () => {
  it('names the declared secrets the catalog says are unset, not those it says nothing of', () => {
    expect(missingSecrets({ secrets: [{ name: 'CRM_TOKEN', set: false }, { name: 'SMS_KEY', set: true }, { name: 'OTHER' }] })).toEqual([
      'CRM_TOKEN',
    ]);
    expect(missingSecrets({})).toEqual([]);
    expect(missingSecrets(undefined)).toEqual([]);
  });
});

describe('sortSecrets', () => {
  it('puts secrets a node needs but lacks first, then sorts by name', () => {
    const list = [
      secret('B_SET', true, ['crm']),
      secret('Z_NEEDED', false, ['crm']),
      secret('A_UNUSED', false),
      secret('C_NEEDED', false, ['sms']),
    ];
    expect(sortSecrets(list).map((s) => s.name)).toEqual(['C_NEEDED', 'Z_NEEDED', 'A_UNUSED', 'B_SET']);
  });
});

describe('secretNameProblem', () => {
  it('takes UPPER_SNAKE_CASE names only', () => {
    expect(secretNameProblem('CRM_TOKEN')).toBeNull();
    expect(secretNameProblem(' ')).toBe('secrets.error.nameEmpty');
    expect(secretNameProblem('crm_token')).toBe('secrets.error.name');
    expect(secretNameProblem('1TOKEN')).toBe('secrets.error.name');
  });
});

describe('secretValueProblem', () => {
  it('refuses an empty or too long value', () => {
    expect(secretValueProblem('s3cret')).toBeNull();
    expect(secretValueProblem('')).toBe('secrets.error.valueEmpty');
    expect(secretValueProblem('x'.repeat(10_001))).toBe('secrets.error.valueLong');
  });
});
