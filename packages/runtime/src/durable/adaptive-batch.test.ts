import { describe, expect, it } from 'vitest';
import { createAdaptiveBatch } from './adaptive-batch';

describe('createAdaptiveBatch', () => {
  it('starts small, doubles after full rounds up to the maximum, halves after light ones down to max / 8', () => {
    const batch = createAdaptiveBatch(64, true);
    const sizes: number[] = [];
    for (const found of [8, 16, 32, 64, 64, 10, 3, 1, 1, 1]) {
      const limit = batch.size();
      batch.observe(Math.min(found, limit), limit);
      sizes.push(batch.size());
    }
    expect(sizes).toEqual([16, 32, 64, 64, 64, 32, 16, 8, 8, 8]);
  });

  it('stays at the maximum when not adaptive, and never below one', () => {
    const fixed = createAdaptiveBatch(16, false);
    fixed.observe(0, 16);
    expect(fixed.size()).toBe(16);
    const tiny = createAdaptiveBatch(4, true);
    tiny.observe(0, tiny.size());
    expect(tiny.size()).toBe(1);
  });
});
