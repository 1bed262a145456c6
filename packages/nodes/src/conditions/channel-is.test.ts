import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { channelIs } from './channel-is';

describe('channel_is', () => {
  const config = parseConfig(channelIs, { channels: ['email', 'web'] });

  it('is true for a listed channel and false for others', () => {
    expect(channelIs.evaluate(createTestContext({ ticket: { channel: 'email' } }), config)).toBe(true);
    expect(channelIs.evaluate(createTestContext({ ticket: { channel: 'phone' } }), config)).toBe(false);
  });

  it('needs at least one known channel', () => {
    expect(channelIs.config.safeParse({ channels: [] }).error?.issues[0]?.message).toBe('pick at least one channel');
    expect(channelIs.config.safeParse({ channels: ['fax'] }).success).toBe(false);
  });
});
