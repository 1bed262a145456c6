import { describe, expect, it } from 'vitest';
import { createTicketNumberer } from './ticket-number';

describe('createTicketNumberer', () => {
  it('numbers per month in China time, starting again each month', () => {
    const next = createTicketNumberer();
    expect(next('2024-05-01T09:00:00+08:00')).toBe('GD2024050001');
    expect(next('2024-05-31T23:30:00+08:00')).toBe('GD2024050002');
    // 2024-05-31T17:00Z is already June 1st in Shanghai.
    expect(next('2024-05-31T17:00:00Z')).toBe('GD2024060001');
    expect(next('2024-05-02T00:00:00+08:00')).toBe('GD2024050003');
  });
});
