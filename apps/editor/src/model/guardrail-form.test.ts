import { Guardrail } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { guardrailRowOf, newGuardrailRow, readGuardrailRow } from './guardrail-form';

describe('guardrail form rows', () => {
  it('reads a row into a guardrail the API accepts', () => {
    const read = readGuardrailRow({ metric: 'slaBreachRate', mode: 'worseThanStableBy', threshold: '5', minTickets: '200' });
    expect(read).toEqual({ guardrail: { metric: 'slaBreachRate', worseThanStableBy: 5, minTickets: 200 } });
    expect(Guardrail.safeParse('guardrail' in read ? read.guardrail : null).success).toBe(true);
    expect(readGuardrailRow(newGuardrailRow())).toEqual({ guardrail: { metric: 'errorRate', above: 2, minTickets: 50 } });
  });

  it('names each bad field', () => {
    expect(readGuardrailRow({ metric: 'errorRate', mode: 'above', threshold: '', minTickets: '50' })).toEqual({
      errors: { threshold: 'rollout.error.threshold' },
    });
    expect(readGuardrailRow({ metric: 'errorRate', mode: 'above', threshold: '120', minTickets: '0' })).toEqual({
      errors: { threshold: 'rollout.error.threshold', minTickets: 'rollout.error.minTickets' },
    });
    expect(readGuardrailRow({ metric: 'errorRate', mode: 'above', threshold: '-1', minTickets: '2.5' })).toEqual({
      errors: { threshold: 'rollout.error.threshold', minTickets: 'rollout.error.minTickets' },
    });
  });

  it('shows a server guardrail as a row and back', () => {
    const guardrail = { metric: 'escalationRate' as const, worseThanStableBy: 1.5, minTickets: 80 };
    expect(guardrailRowOf(guardrail)).toEqual({ metric: 'escalationRate', mode: 'worseThanStableBy', threshold: '1.5', minTickets: '80' });
    expect(readGuardrailRow(guardrailRowOf(guardrail))).toEqual({ guardrail });
  });
});
