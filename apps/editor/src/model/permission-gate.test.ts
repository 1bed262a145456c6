import { describe, expect, it } from 'vitest';
import { gateOf, grantableRoles } from './permission-gate';

describe('gateOf', () => {
  it('lets a role through what the table grants it', () => {
    expect(gateOf(['supervisor'], 'flows.publish', 'en')).toEqual({ allowed: true });
    expect(gateOf(['agent', 'ops'], 'rollout.manage', 'zh-CN')).toEqual({ allowed: true });
    expect(gateOf(['admin'], 'users.manage', 'en')).toEqual({ allowed: true });
  });

  it('says which permission is missing, in the language asked', () => {
    expect(gateOf(['ops'], 'flows.publish', 'en')).toEqual({ allowed: false, reason: 'needs permission: publish flow versions' });
    expect(gateOf(['supervisor'], 'rollout.manage', 'zh-CN')).toEqual({ allowed: false, reason: '需要权限：灰度发布、全量和回滚版本' });
    expect(gateOf([], 'flows.read', 'en').allowed).toBe(false);
  });
});

describe('grantableRoles', () => {
  it('offers only the roles held, in the table order', () => {
    expect(grantableRoles(['ops', 'agent'])).toEqual(['agent', 'ops']);
    expect(grantableRoles(['admin'])).toEqual(['admin']);
    expect(grantableRoles([])).toEqual([]);
  });
});
