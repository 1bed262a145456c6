import { describe, expect, it } from 'vitest';
import { rolloutFieldOf, serverFieldErrors } from './rollout-server-errors';

describe('server errors on the rollout form', () => {
  it('maps request paths onto form fields', () => {
    expect(rolloutFieldOf('guardrails.1.worseThanStableBy')).toBe('guardrails.1.threshold');
    expect(rolloutFieldOf('guardrails.0')).toBe('guardrails.0.threshold');
    expect(rolloutFieldOf('guardrails.0.minTickets')).toBe('guardrails.0.minTickets');
    expect(rolloutFieldOf('ramp.steps.2')).toBe('ramp.steps');
    expect(rolloutFieldOf('ramp')).toBe('ramp.steps');
    expect(rolloutFieldOf('candidate')).toBe('candidate');
  });

  it('puts each issue under its field and keeps the rest', () => {
    const fields = new Set(['candidate', 'percent', 'guardrails.0.threshold']);
    const details = [
      { path: 'candidate', message: 'version 9 is not published' },
      { path: 'guardrails.0.above', message: 'too big' },
      { path: 'guardrails.0', message: 'give exactly one' },
      { path: 'position', message: 'odd' },
    ];
    expect(serverFieldErrors('invalid request', details, fields)).toEqual({
      byField: { candidate: 'version 9 is not published', 'guardrails.0.threshold': 'too big; give exactly one' },
      other: ['position: odd'],
    });
  });

  it("keeps the server's message when it names no field", () => {
    expect(serverFieldErrors('the rollout has no candidate', undefined, new Set())).toEqual({
      byField: {},
      other: ['the rollout has no candidate'],
    });
  });
});
