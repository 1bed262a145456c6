import { describe, expect, it } from 'vitest';
import { virtualOffset } from './virtual-time';

describe('virtualOffset', () => {
  it('writes times as offsets from the ticket creation', () => {
    expect(virtualOffset('2026-01-05T01:00:00.000Z')).toBe('+0');
    expect(virtualOffset('2026-01-05T01:15:00.000Z')).toBe('+15m');
    expect(virtualOffset('2026-01-06T03:30:00.000Z')).toBe('+1d2h30m');
    expect(virtualOffset('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe('+0');
  });

  it('keeps what it cannot read', () => {
    expect(virtualOffset('+15m')).toBe('+15m');
  });
});
