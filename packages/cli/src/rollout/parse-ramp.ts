import { parseDuration } from '@switchyard/flow';
import type { RampPlan } from '@switchyard/api';

/** Why `--ramp`/`--every` do not make a plan; `rolloutMessages` words it. */
export type RampProblem = { readonly option: '--ramp' | '--every'; readonly code: 'steps' | 'stepRange' | 'rise' | 'tooMany' | 'needEvery' | 'everyWithNone' | 'duration' };

const MAX_STEPS = 20;

/**
 * Reads `--ramp 10,25,50,100 --every 1h` into a ramp plan; `--ramp none` stops the current
 * ramp (null). Checks what the server's `RampPlan` checks, so a bad plan is never sent.
 * @example parseRamp('10,25,50,100', '1h') // { plan: { steps: [10, 25, 50, 100], every: '1h' } }
 */
export function parseRamp(steps: string, every: string | undefined): { plan: RampPlan | null } | { problem: RampProblem } {
  if (steps.trim() === 'none') return every === undefined ? { plan: null } : { problem: { option: '--every', code: 'everyWithNone' } };
  const parts = steps.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) return { problem: { option: '--ramp', code: 'steps' } };
  const percents = parts.map(Number);
  if (percents.some((p) => p < 1 || p > 100)) return { problem: { option: '--ramp', code: 'stepRange' } };
  if (percents.some((p, i) => p <= (percents[i - 1] ?? -Infinity))) return { problem: { option: '--ramp', code: 'rise' } };
  if (percents.length > MAX_STEPS) return { problem: { option: '--ramp', code: 'tooMany' } };
  if (every === undefined) return { problem: { option: '--every', code: 'needEvery' } };
  if (parseDuration(every) === undefined) return { problem: { option: '--every', code: 'duration' } };
  return { plan: { steps: percents, every } };
}
