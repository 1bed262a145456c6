import { type DryRunResult, dryRunTicket, prepareFlows, pureTransition } from '@switchyard/runtime';
import { baselineMachines } from './baseline/machines';
import { type BaselineResult, readyMachines, runBaselineTicket } from './baseline/run-baseline';
import type { ExampleSet } from './examples';

/** What the throughput benchmark times: the product, and the hand-written baseline driven two ways. */
export const SIDES = ['switchyard', 'baseline', 'baseline-reused'] as const;
export type Side = (typeof SIDES)[number];

export interface Passes {
  /** dryRunTicket over every example ticket, flows prepared once. */
  readonly switchyard: () => Promise<DryRunResult[]>;
  /** The hand-written machines with XState's `transition()`, as the brief specifies. */
  readonly baseline: () => BaselineResult[];
  /** The same machines stepped like the engine steps flows (one inert actor per machine). */
  readonly 'baseline-reused': () => BaselineResult[];
}

/**
 * One pass per side: every example ticket once, sequentially. Machines are built once,
 * as a long-running host builds them; prepareFlows is timed on its own.
 */
export function makePasses({ registry, flows, tickets, rosters }: ExampleSet): Passes {
  const prepared = prepareFlows(flows, registry);
  const ready = readyMachines(baselineMachines);
  const options = rosters.map((roster) => ({ registry, roster }));
  return {
    switchyard: async () => {
      const results: DryRunResult[] = [];
      for (let i = 0; i < tickets.length; i++) results.push(await dryRunTicket(tickets[i]!, prepared, options[i]!));
      return results;
    },
    baseline: () => tickets.map((t, i) => runBaselineTicket(t, ready, rosters[i]!)),
    'baseline-reused': () => tickets.map((t, i) => runBaselineTicket(t, ready, rosters[i]!, pureTransition)),
  };
}
