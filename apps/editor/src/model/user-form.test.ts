import type { UserView } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { createUserRequestOf, patchUserRequestOf, toggled, userFormOf } from './user-form';

const li: UserView = {
  id: 'u1',
  email: 'li@example.com',
  name: 'Li Wei',
  language: 'zh-CN',
  roles: ['agent'],
  groups: ['billing'],
  agentId: 'li',
  disabled: false,
  hasPassword: true,
  createdAt: '2026-01-01T00:00:00Z',
  lastLoginAt: null,
};

describe('createUserRequestOf', () => {
  it('sends what was filled, leaving out an empty password and agent', () => {
    const form = { ...userFormOf(), email: ' wang@example.com ', name: 'Wang', roles: ['supervisor' as const], groups: ['billing'] };
    expect(createUserRequestOf(form)).toEqual({
      ok: true,
      request: { email: 'wang@example.com', name: 'Wang', roles: ['supervisor'], groups: ['billing'], language: 'zh-CN' },
    });
    expect(createUserRequestOf({ ...form, password: 'long enough pass', agentId: 'wang' })).toMatchObject({
      ok: true,
      request: { password: 'long enough pass', agentId: 'wang' },
    });
  });

  it('names every field to fix', () => {
    expect(createUserRequestOf({ ...userFormOf(), email: 'nope', password: 'short', roles: [] })).toEqual({
      ok: false,
      errors: { email: 'users.error.email', name: 'users.error.name', password: 'users.error.password', roles: 'users.error.roles' },
    });
  });
});

describe('patchUserRequestOf', () => {
  it('sends only what changed; an emptied agent is null', () => {
    expect(patchUserRequestOf(li, userFormOf(li))).toEqual({ ok: true, request: {} });
    const form = { ...userFormOf(li), roles: ['agent' as const, 'supervisor' as const], agentId: '', language: 'en' as const };
    expect(patchUserRequestOf(li, form)).toEqual({ ok: true, request: { roles: ['agent', 'supervisor'], agentId: null, language: 'en' } });
    expect(patchUserRequestOf(li, { ...userFormOf(li), groups: ['billing'], password: 'a new passphrase' })).toEqual({
      ok: true,
      request: { password: 'a new passphrase' },
    });
  });

  it('refuses a user without roles', () => {
    expect(patchUserRequestOf(li, { ...userFormOf(li), roles: [] })).toEqual({ ok: false, errors: { roles: 'users.error.roles' } });
  });
});

describe('toggled', () => {
  it('adds once and removes', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
