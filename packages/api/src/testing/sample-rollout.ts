import type { Rollout } from '../rollout';

/**
 * A `Rollout` as GET /api/flows/:id/rollout answers it, for client tests that need one without
 * a server: flow `intake`, stable v1, no candidate, an error-rate guardrail, revision 1.
 * @example sampleRollout({ stable: 3, candidate: 4, percent: 10 })
 */
export function sampleRollout(overrides: Partial<Rollout> = {}): Rollout {
  return {
    flowId: 'intake',
    stable: 1,
    candidate: null,
    percent: 0,
    position: 0,
    guardrails: [{ metric: 'errorRate', above: 2, minTickets: 50 }],
    ramp: null,
    tripped: null,
    updatedAt: '2026-05-01T10:00:00.000Z',
    revision: 1,
    history: [],
    ...overrides,
  };
}
