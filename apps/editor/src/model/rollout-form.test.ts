import { type Rollout, RolloutRequest } from '@switchyard/api';
import { sampleRollout } from '@switchyard/api/testing';
import { describe, expect, it } from 'vitest';
import { buildRolloutRequest, formFromRollout } from './rollout-form';

const deployed = sampleRollout();
const ramping: Rollout = {
  ...deployed,
  candidate: 2,
  percent: 25,
  ramp: { steps: [10, 25, 50, 100], every: '1h', step: 1, nextStepAt: '2026-05-01T11:00:00.000Z' },
};

describe('buildRolloutRequest', () => {
  it('sends the versions, share and guardrails the form shows', () => {
    const built = buildRolloutRequest({ ...formFromRollout(deployed), candidate: 2, percent: 10, reason: '  try v2 ' }, deployed);
    expect(built).toEqual({
      request: { stable: 1, candidate: 2, percent: 10, guardrails: [{ metric: 'errorRate', above: 2, minTickets: 50 }], reason: 'try v2' },
    });
    expect(RolloutRequest.safeParse('request' in built ? built.request : null).success).toBe(true);
  });

  it('leaves a running ramp alone when neither the share nor the plan changed', () => {
    // The server stops a ramp when a request names a share without the plan.
    const guardrailsOnly = buildRolloutRequest({ ...formFromRollout(ramping), guardrails: [], reason: 'fewer alerts' }, ramping);
    expect(guardrailsOnly).toEqual({ request: { stable: 1, candidate: 2, guardrails: [], reason: 'fewer alerts' } });
  });

  it('sends the plan again with a new share, so the ramp goes on from there', () => {
    expect(buildRolloutRequest({ ...formFromRollout(ramping), percent: 30 }, ramping)).toMatchObject({
      request: { percent: 30, ramp: { steps: [10, 25, 50, 100], every: '1h' } },
    });
  });

  it('starts a new plan at its first step unless the share was moved too', () => {
    const planOnly = buildRolloutRequest({ ...formFromRollout(ramping), rampSteps: '5, 50, 100', rampEvery: '2h' }, ramping);
    expect(planOnly).toEqual({
      request: {
        stable: 1,
        candidate: 2,
        ramp: { steps: [5, 50, 100], every: '2h' },
        guardrails: [{ metric: 'errorRate', above: 2, minTickets: 50 }],
      },
    });
    const withShare = buildRolloutRequest(
      { ...formFromRollout(deployed), candidate: 2, percent: 10, rampSteps: '10, 25 50,100', rampEvery: '2h' },
      deployed,
    );
    expect(withShare).toMatchObject({ request: { percent: 10, ramp: { steps: [10, 25, 50, 100], every: '2h' } } });
  });

  it('stops a ramp whose steps were cleared, at the share shown', () => {
    expect(buildRolloutRequest({ ...formFromRollout(ramping), rampSteps: '' }, ramping)).toMatchObject({
      request: { percent: 25, ramp: null },
    });
  });

  it('names each bad field instead of sending', () => {
    const form = formFromRollout(deployed);
    expect(buildRolloutRequest({ ...form, percent: 10 }, deployed)).toEqual({ errors: { percent: 'rollout.error.percentNeedsCandidate' } });
    expect(buildRolloutRequest({ ...form, candidate: 1 }, deployed)).toEqual({ errors: { candidate: 'rollout.error.sameVersion' } });
    expect(buildRolloutRequest({ ...form, candidate: 2, rampSteps: '50, 10', rampEvery: 'soon' }, deployed)).toEqual({
      errors: { 'ramp.steps': 'rollout.error.rampRise', 'ramp.every': 'rollout.error.duration' },
    });
    expect(buildRolloutRequest({ ...form, candidate: 2, rampSteps: '10, 200' }, deployed)).toEqual({
      errors: { 'ramp.steps': 'rollout.error.rampSteps' },
    });
    expect(buildRolloutRequest({ ...form, rampSteps: '10, 50' }, deployed)).toEqual({
      errors: { 'ramp.steps': 'rollout.error.rampNeedsCandidate' },
    });
    expect(
      buildRolloutRequest(
        {
          ...form,
          guardrails: [...form.guardrails, { metric: 'slaBreachRate', mode: 'worseThanStableBy', threshold: 'x', minTickets: '10' }],
        },
        deployed,
      ),
    ).toEqual({
      errors: { 'guardrails.1.threshold': 'rollout.error.threshold' },
    });
  });
});
