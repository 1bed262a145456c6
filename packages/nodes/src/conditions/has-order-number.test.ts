import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { hasOrderNumber } from './has-order-number';

describe('has_order_number', () => {
  const config = parseConfig(hasOrderNumber, {});
  const has = (ticket: Parameters<typeof createTestContext>[0]) => hasOrderNumber.evaluate(createTestContext(ticket), config);

  it('is true when the ticket has an orderId', () => {
    expect(has({ ticket: { orderId: '20240501-88', body: '查一下物流' } })).toBe(true);
  });

  it('finds "DD" and digits in the body or the subject', () => {
    expect(has({ ticket: { body: '订单号DD123，物流一直不动' } })).toBe(true);
    expect(has({ ticket: { subject: 'Where is DD2024050188?' } })).toBe(true);
  });

  it('accepts a lower-case "dd"', () => {
    expect(has({ ticket: { body: '我的订单 dd556677 还没发货' } })).toBe(true);
  });

  it('is false without any order number', () => {
    expect(has({ ticket: { subject: '快递到哪了', body: '三天了还没收到' } })).toBe(false);
    expect(has({ ticket: { body: 'DD 后面没有数字' } })).toBe(false);
  });
});
