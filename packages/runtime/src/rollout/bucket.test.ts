import { describe, expect, it } from 'vitest';
import { seededUuids } from '../testing/index';
import { boundVersion, rolloutBucket } from './bucket';

/**
 * Vectors of Unleash's client specification (github.com/Unleash/client-specification):
 * 03-gradual-rollout-user-id, 04-gradual-rollout-session-id and 10-flexible-rollout
 * (each: groupId, the sticky id, the percentage, whether the toggle is on).
 */
const UNLEASH_VECTORS: readonly (readonly [groupId: string, id: string, percent: number, enabled: boolean])[] = [
  ['AB12A', '123', 100, true],
  ['AB12A', '122', 50, true],
  ['AB12A', '155', 50, false],
  ['AB12A', '122', 0, false],
  ['Feature.flexibleRollout.100', '174', 100, true],
  ['Feature.flexibleRollout.10', '174', 10, true],
  ['Feature.flexibleRollout.10', '499', 10, false],
  ['Feature.flexibleRollout.userId.55', '25', 55, true],
  ['Feature.flexibleRollout.sessionId.42', '147', 42, true],
];

describe('rolloutBucket', () => {
  it.each(UNLEASH_VECTORS)('matches Unleash: group %s, id %s at %i%% is on: %s', (groupId, id, percent, enabled) => {
    expect(boundVersion({ stable: 1, candidate: 2, percent }, groupId, id) === 2).toBe(enabled);
  });

  it('gives buckets 1 to 100', () => {
    const buckets = Array.from({ length: 5000 }, seededUuids(1)).map((id) => rolloutBucket('intake', id));
    expect(Math.min(...buckets)).toBe(1);
    expect(Math.max(...buckets)).toBe(100);
  });

  it('only adds tickets to the candidate as the percentage rises', () => {
    const ids = Array.from({ length: 2000 }, seededUuids(2));
    const at = (percent: number) => new Set(ids.filter((id) => boundVersion({ stable: 1, candidate: 2, percent }, 'intake', id) === 2));
    const ten = at(10);
    const quarter = at(25);
    for (const id of ten) expect(quarter.has(id)).toBe(true);
    expect(quarter.size).toBeGreaterThan(ten.size);
  });

  it('sends nobody to a candidate at 0% and everybody at 100%', () => {
    const ids = Array.from({ length: 500 }, seededUuids(3));
    expect(ids.every((id) => boundVersion({ stable: 1, candidate: 2, percent: 0 }, 'intake', id) === 1)).toBe(true);
    expect(ids.every((id) => boundVersion({ stable: 1, candidate: 2, percent: 100 }, 'intake', id) === 2)).toBe(true);
    expect(ids.every((id) => boundVersion({ stable: 1, candidate: null, percent: 0 }, 'intake', id) === 1)).toBe(true);
  });
});
