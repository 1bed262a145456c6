import { builtinNodes, createNodeRegistry } from '@switchyard/nodes';
import { simulateFairness } from '@switchyard/runtime';
import type { BenchRow } from './report';

const TARGET = 0.15;
const SEEDS = [1, 21, 2026, 7, 99];

/**
 * Issue 21: a seeded day of arrivals for a team of eight on a virtual clock, routed by the
 * real assign node; the worst deviation of any agent's tickets of the day from the team mean,
 * over five seeds. Round robin is held to 15 %; balancing by capacity is printed beside it
 * (it evens open tickets at each instant, not the day's count).
 */
export async function benchFairness(): Promise<BenchRow[]> {
  const registry = createNodeRegistry(builtinNodes);
  const worst = async (strategy: 'round_robin' | 'load_balanced') => {
    let max = 0;
    for (const seed of SEEDS) max = Math.max(max, (await simulateFairness({ registry, strategy, seed })).worstDeviation);
    return max;
  };
  const roundRobin = await worst('round_robin');
  const balanced = await worst('load_balanced');
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    {
      bench: 'fairness',
      metric: 'worst daily load vs team mean (round robin, 5 seeded days)',
      value: pct(roundRobin),
      target: `<= ${pct(TARGET)}`,
      pass: roundRobin <= TARGET,
    },
    { bench: 'fairness', metric: 'worst daily load vs team mean (balanced by capacity)', value: pct(balanced) },
  ];
}
