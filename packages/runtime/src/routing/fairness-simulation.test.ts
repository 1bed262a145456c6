import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { describe, expect, it } from 'vitest';
import { simulateFairness } from './fairness-simulation';

const registry = createNodeRegistry(builtinNodes);

/* Issue 21 (seed 001): no agent's daily load strays more than 15 % from the team's mean. */
describe('fairness of a simulated day', () => {
  it('round robin keeps every agent within 15 percent of the team mean, seed after seed', async () => {
    for (const seed of [1, 21, 2026, 7, 99]) {
      const report = await simulateFairness({ registry, strategy: 'round_robin', seed });
      expect(report.worstDeviation, `seed ${seed}: ${JSON.stringify(report.loads)}`).toBeLessThanOrEqual(0.15);
      expect(Object.values(report.loads).reduce((a, b) => a + b, 0)).toBe(report.tickets);
    }
  });

  it('balancing by capacity evens the open tickets at each instant, not the tickets of the day (reported, not held to 15 %)', async () => {
    const report = await simulateFairness({ registry, strategy: 'load_balanced', seed: 1 });
    expect(Object.values(report.loads).reduce((a, b) => a + b, 0)).toBe(report.tickets);
    expect(report.worstDeviation).toBeGreaterThan(0);
  });

  it('is repeatable for a seed', async () => {
    const first = await simulateFairness({ registry, strategy: 'round_robin', seed: 7 });
    expect(await simulateFairness({ registry, strategy: 'round_robin', seed: 7 })).toEqual(first);
  });
});
