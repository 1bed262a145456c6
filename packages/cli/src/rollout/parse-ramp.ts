import { RampPlan, rolloutRuleOf } from '@switchyard/api';

/** Why `--ramp`/`--every` do not make a plan; `rolloutMessages` words it. */
export type RampProblem = {
  readonly option: '--ramp' | '--every';
  readonly code: 'steps' | 'stepRange' | 'rise' | 'tooMany' | 'needEvery' | 'everyWithNone' | 'duration';
};

/**
 * Reads `--ramp 10,25,50,100 --every 1h` into a ramp plan; `--ramp none` stops the current
 * ramp (null). The rules of a plan (range, rising steps, at most 20, a duration) are the
 * server's own `RampPlan`, so a bad plan is never sent.
 * @example parseRamp('10,25,50,100', '1h') // { plan: { steps: [10, 25, 50, 100], every: '1h' } }
 */
export function parseRamp(steps: string, every: string | undefined): { plan: RampPlan | null } | { problem: RampProblem } {
  if (steps.trim() === 'none') return every === undefined ? { plan: null } : { problem: { option: '--every', code: 'everyWithNone' } };
  const parts = steps.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) return { problem: { option: '--ramp', code: 'steps' } };
  const plan = { steps: parts.map(Number), every: every ?? '1h' };
  const checked = RampPlan.safeParse(plan);
  const issues = checked.error?.issues ?? [];
  // The steps first, as they come first on the command line.
  if (issues.some((issue) => issue.path.length === 2)) return { problem: { option: '--ramp', code: 'stepRange' } };
  if (issues.some((issue) => rolloutRuleOf(issue) === 'rampRise')) return { problem: { option: '--ramp', code: 'rise' } };
  if (issues.some((issue) => issue.path[0] === 'steps')) return { problem: { option: '--ramp', code: 'tooMany' } };
  if (every === undefined) return { problem: { option: '--every', code: 'needEvery' } };
  if (issues.length > 0) return { problem: { option: '--every', code: 'duration' } };
  return { plan };
}
