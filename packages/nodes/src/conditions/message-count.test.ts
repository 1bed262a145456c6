import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { messageCount } from './message-count';

const after = (customerMessages: number) => createTestContext({ stats: { customerMessages } });

describe('message_count', () => {
  it('eq (the default) is true only at exactly that count: the third message fires once', () => {
    const third = parseConfig(messageCount, { count: 3 });
    expect([2, 3, 4].map((n) => messageCount.evaluate(after(n), third))).toEqual([false, true, false]);
  });

  it('gte is true from that count on', () => {
    const atLeast = parseConfig(messageCount, { op: 'gte', count: 3 });
    expect([2, 3, 4].map((n) => messageCount.evaluate(after(n), atLeast))).toEqual([false, true, true]);
  });

  it('needs a positive whole count', () => {
    expect(messageCount.config.safeParse({ count: 0 }).success).toBe(false);
    expect(messageCount.config.safeParse({ count: 1.5 }).success).toBe(false);
    expect(messageCount.config.safeParse({}).success).toBe(false);
  });
});
