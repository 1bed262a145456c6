import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { customerTier } from './customer-tier';

describe('customer_tier', () => {
  const vip = createTestContext({ ticket: { customer: { tier: 'vip' } } });
  const standard = createTestContext({ ticket: { customer: { tier: 'standard' } } });

  it('checks for vip by default', () => {
    const config = parseConfig(customerTier, {});
    expect(customerTier.evaluate(vip, config)).toBe(true);
    expect(customerTier.evaluate(standard, config)).toBe(false);
  });

  it('checks the tier it names', () => {
    const config = parseConfig(customerTier, { tier: 'standard' });
    expect(customerTier.evaluate(standard, config)).toBe(true);
    expect(customerTier.evaluate(vip, config)).toBe(false);
  });

  it('refuses an unknown tier', () => {
    expect(customerTier.config.safeParse({ tier: 'gold' }).success).toBe(false);
  });
});
