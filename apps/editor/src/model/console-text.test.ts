import { describe, expect, it } from 'vitest';
import { countdown, mentionsIn, step } from './console-text';

describe('console text', () => {
  it('finds each mentioned agent once, in Chinese text too', () => {
    expect(mentionsIn('@li-na 请核实，@wang_qiang 和 @Li-Na 也看看')).toEqual(['li-na', 'wang_qiang']);
    expect(mentionsIn('no mention, mail a@')).toEqual([]);
  });

  it('counts down to a deadline and past it', () => {
    const now = Date.parse('2026-05-01T09:00:00Z');
    expect(countdown('2026-05-01T10:05:00Z', now)).toBe('1h 05m');
    expect(countdown('2026-05-01T09:12:30Z', now)).toBe('12m 30s');
    expect(countdown('2026-05-01T08:56:50Z', now)).toBe('-3m 10s');
  });

  it('moves j/k within the list', () => {
    expect(step(0, -1, 3)).toBe(0);
    expect(step(1, 1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBe(2);
    expect(step(-1, 1, 0)).toBe(-1);
  });
});
