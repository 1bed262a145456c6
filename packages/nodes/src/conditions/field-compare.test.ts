import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { fieldCompare } from './field-compare';

type Input = z.input<typeof fieldCompare.config>;
const check = (input: Input, ticket: Parameters<typeof createTestContext>[0] = {}) =>
  fieldCompare.evaluate(createTestContext(ticket), parseConfig(fieldCompare, input));

describe('field_compare', () => {
  it('eq / neq compare a field with a value (eq is the default)', () => {
    const logistics = { ticket: { category: 'logistics' } };
    expect(check({ field: 'category', value: 'logistics' }, logistics)).toBe(true);
    expect(check({ field: 'category', op: 'eq', value: 'billing' }, logistics)).toBe(false);
    expect(check({ field: 'category', op: 'neq', value: 'billing' }, logistics)).toBe(true);
  });

  it('reads the customer tier', () => {
    expect(check({ field: 'customer.tier', value: 'vip' }, { ticket: { customer: { tier: 'vip' } } })).toBe(true);
    expect(check({ field: 'customer.tier', value: 'vip' })).toBe(false);
  });

  it('in / not_in test membership in a list', () => {
    const urgent = { ticket: { priority: 'urgent' as const } };
    expect(check({ field: 'priority', op: 'in', value: ['urgent', 'high'] }, urgent)).toBe(true);
    expect(check({ field: 'priority', op: 'in', value: ['normal'] }, urgent)).toBe(false);
    expect(check({ field: 'channel', op: 'not_in', value: ['email', 'phone'] }, { ticket: { channel: 'chat' } })).toBe(true);
    expect(check({ field: 'channel', op: 'not_in', value: ['chat'] }, { ticket: { channel: 'chat' } })).toBe(false);
  });

  it('contains looks inside tags', () => {
    const tagged = { ticket: { tags: ['vip_followup', 'sla_breached'] } };
    expect(check({ field: 'tags', op: 'contains', value: 'sla_breached' }, tagged)).toBe(true);
    expect(check({ field: 'tags', op: 'contains', value: ['x', 'vip_followup'] }, tagged)).toBe(true);
    expect(check({ field: 'tags', op: 'contains', value: 'auto_resolved' }, tagged)).toBe(false);
    expect(check({ field: 'category', op: 'contains', value: 'log' }, { ticket: { category: 'logistics' } })).toBe(false);
  });

  it('gt / gte / lt / lte compare numbers', () => {
    const level1 = { ticket: { escalationLevel: 1 } };
    expect(check({ field: 'escalationLevel', op: 'gt', value: 0 }, level1)).toBe(true);
    expect(check({ field: 'escalationLevel', op: 'gt', value: 1 }, level1)).toBe(false);
    expect(check({ field: 'escalationLevel', op: 'gte', value: 1 }, level1)).toBe(true);
    expect(check({ field: 'escalationLevel', op: 'lt', value: 1 }, level1)).toBe(false);
    expect(check({ field: 'escalationLevel', op: 'lte', value: 1 }, level1)).toBe(true);
    expect(check({ field: 'escalationLevel', op: 'gt', value: '0' }, level1)).toBe(false);
  });

  it('exists / not_exists test presence, without a value', () => {
    const withOrder = { ticket: { orderId: 'DD20240501' } };
    expect(check({ field: 'orderId', op: 'exists' }, withOrder)).toBe(true);
    expect(check({ field: 'orderId', op: 'exists' })).toBe(false);
    expect(check({ field: 'orderId', op: 'not_exists' })).toBe(true);
    expect(check({ field: 'orderId', op: 'not_exists' }, withOrder)).toBe(false);
    expect(check({ field: 'assignee', op: 'not_exists' })).toBe(true);
  });

  it('requires a value for every operator but exists / not_exists', () => {
    const result = fieldCompare.config.safeParse({ field: 'priority', op: 'eq' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ['value'], message: 'this operator needs a value' }]);
    expect(fieldCompare.config.safeParse({ field: 'orderId', op: 'exists' }).success).toBe(true);
  });

  it('refuses a field outside the list', () => {
    expect(fieldCompare.config.safeParse({ field: 'customer.name', value: 'x' }).success).toBe(false);
  });

  it('reads the level-two category (issue 21 part 5)', () => {
    const login = { ticket: { category: 'fault', subcategory: 'login_failure' } };
    expect(check({ field: 'subcategory', value: 'login_failure' }, login)).toBe(true);
    expect(check({ field: 'subcategory', op: 'in', value: ['data_error', 'login_failure'] }, login)).toBe(true);
    expect(check({ field: 'subcategory', op: 'exists' }, { ticket: { category: 'fault' } })).toBe(false);
  });
});
