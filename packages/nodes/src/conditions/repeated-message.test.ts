import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { repeatedMessage } from './repeated-message';

const repeated = (recentMessages: string[], times?: number) =>
  repeatedMessage.evaluate(
    createTestContext({ stats: { customerMessages: recentMessages.length, recentMessages } }),
    parseConfig(repeatedMessage, times === undefined ? {} : { times }),
  );

describe('repeated_message', () => {
  it('is true for the same text three times, ignoring spacing, case and width', () => {
    expect(repeated(['转人工', '转 人工', ' 转人工 '])).toBe(true);
    expect(repeated(['Hello agent', 'HELLO AGENT', 'ｈｅｌｌｏ　ａｇｅｎｔ'])).toBe(true);
  });

  it('is false for two identical messages and one different', () => {
    expect(repeated(['在吗', '在吗', '人呢'])).toBe(false);
    expect(repeated(['人呢', '在吗', '在吗'])).toBe(false);
  });

  it('looks only at the latest messages', () => {
    expect(repeated(['你好', '在吗', '在吗', '在吗'])).toBe(true);
  });

  it('is false with fewer messages than asked for, or blank ones', () => {
    expect(repeated(['在吗', '在吗'])).toBe(false);
    expect(repeated([' ', '', '  '])).toBe(false);
  });

  it('counts the number of times configured', () => {
    expect(repeated(['在吗', '在吗'], 2)).toBe(true);
    expect(repeatedMessage.config.safeParse({ times: 1 }).success).toBe(false);
  });
});
