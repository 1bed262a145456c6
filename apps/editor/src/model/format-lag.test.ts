import { describe, expect, it } from 'vitest';
import { formatLag } from './format-lag';

describe('formatLag', () => {
  it('reads in ms, then s, then min', () => {
    expect([0, 340, 2_500, 59_000, 90_000].map(formatLag)).toEqual(['0 ms', '340 ms', '2.5 s', '59 s', '1.5 min']);
  });
});
