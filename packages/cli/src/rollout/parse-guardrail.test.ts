import { Guardrail } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { formatGuardrail, parseGuardrail } from './parse-guardrail';

describe('parseGuardrail', () => {
  it('reads "above" and "worse than stable" rules, with and without a minimum of tickets', () => {
    expect(parseGuardrail('errorRate>2')).toEqual({ guardrail: { metric: 'errorRate', above: 2 } });
    expect(parseGuardrail('slaBreachRate>+5@200')).toEqual({
      guardrail: { metric: 'slaBreachRate', worseThanStableBy: 5, minTickets: 200 },
    });
    expect(parseGuardrail('escalationRate > 1.5 @ 80')).toEqual({ guardrail: { metric: 'escalationRate', above: 1.5, minTickets: 80 } });
  });

  it('answers guardrails the API schema accepts', () => {
    for (const text of ['errorRate>2', 'slaBreachRate>+5@200', 'escalationRate>0']) {
      const parsed = parseGuardrail(text);
      if (!('guardrail' in parsed)) throw new Error(`${text} did not parse`);
      expect(Guardrail.safeParse(parsed.guardrail).success, text).toBe(true);
    }
  });

  it('says what is wrong with a bad rule', () => {
    expect(parseGuardrail('errorRate<2')).toEqual({ problem: { code: 'syntax' } });
    expect(parseGuardrail('errorRate>')).toEqual({ problem: { code: 'syntax' } });
    expect(parseGuardrail('errorRate>2@')).toEqual({ problem: { code: 'syntax' } });
    expect(parseGuardrail('csat>2')).toEqual({ problem: { code: 'metric', metric: 'csat' } });
    expect(parseGuardrail('errorRate>150')).toEqual({ problem: { code: 'over100', value: 150 } });
    expect(parseGuardrail('errorRate>2@0')).toEqual({ problem: { code: 'minTickets' } });
  });

  it('prints a guardrail the way it is typed', () => {
    expect(formatGuardrail({ metric: 'slaBreachRate', worseThanStableBy: 5, minTickets: 200 })).toBe('slaBreachRate>+5@200');
    expect(formatGuardrail({ metric: 'errorRate', above: 2 })).toBe('errorRate>2');
  });
});
