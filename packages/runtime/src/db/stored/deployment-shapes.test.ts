import { describe, expect, it } from 'vitest';
import { deploymentValues, stateOf } from '../../rollout/deployment-state';
import { json } from '../schema';
import { guardrailTripShape, rampPlanShape } from './deployment-shapes';
import { StoredDataError } from './stored-data-error';

const trip = {
  guardrail: { metric: 'errorRate' as const, above: 2, minTickets: 10 },
  candidateRate: 30,
  stableRate: null,
  candidateTickets: 40,
  at: '2026-06-01T01:00:00.000Z',
};
const row = {
  flow_id: 'intake',
  stable: 1,
  candidate: 2,
  percent: 10,
  position: 0,
  guardrails: [trip.guardrail],
  ramp: { steps: [10, 50], every: '1h' },
  ramp_step: 0,
  next_step_at: null,
  tripped: trip,
  updated_at: new Date('2026-06-01T01:00:00Z'),
  revision: 3,
};

describe('a deployment row', () => {
  it('reads ramp and trip written before they had a version (version 0), and round-trips them at version 1', () => {
    const state = stateOf(row);
    expect(state).toMatchObject({ guardrails: [trip.guardrail], ramp: row.ramp, tripped: trip });
    const values = deploymentValues(state);
    expect(JSON.parse(values.ramp ?? '')).toEqual({ ...row.ramp, $v: rampPlanShape.version });
    expect(JSON.parse(values.tripped ?? '')).toEqual({ ...trip, $v: guardrailTripShape.version });
    const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
    const reread = stateOf({
      ...row,
      guardrails: [parse(values.guardrails)].flat(),
      ramp: parse(values.ramp),
      tripped: parse(values.tripped),
    });
    expect(reread).toEqual(state);
    expect(json(state.guardrails)).toBe(values.guardrails);
  });

  it('reports a bad ramp, trip or guardrail with the table, the flow and the field, instead of using it', () => {
    expect(() => stateOf({ ...row, ramp: { steps: [50, 10], every: '1h' } })).toThrow(StoredDataError);
    expect(() => stateOf({ ...row, tripped: { ...trip, candidateRate: 'high' } })).toThrow(
      /deployments row intake is invalid at candidateRate/,
    );
    expect(() => stateOf({ ...row, guardrails: [{ metric: 'errorRate' }] })).toThrow(/deployments row intake is invalid at guardrails.0/);
  });
});
