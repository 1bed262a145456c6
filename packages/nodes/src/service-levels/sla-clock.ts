import { z } from 'zod';

/** What an SLA policy measures. */
export const SlaTarget = z.enum(['first_response', 'next_response', 'periodic_update', 'resolution']);
export type SlaTarget = z.infer<typeof SlaTarget>;

/**
 * An SLA clock, kept in the run's `vars` under the policy node's id while the flow rests in it (or
 * went out by `warning` and will come back). `leftMs` is the budget left at `since`: running, the
 * clock counts from `since`; paused, it stands still since `since`. Times are epoch ms.
 */
export const SlaClock = z.object({
  kind: z.literal('sla'),
  target: SlaTarget,
  budgetMs: z.number(),
  startedAt: z.number(),
  state: z.enum(['running', 'paused']),
  since: z.number(),
  leftMs: z.number(),
  warned: z.boolean(),
  /** When it breaches if nothing changes; null while paused. */
  dueAt: z.number().nullable(),
  /** When its stop rule held while the flow was away on the warning branch: it leaves by `met` on return. */
  metAt: z.number().optional(),
});
export type SlaClock = z.infer<typeof SlaClock>;

/** A stored clock, or undefined for anything else under that name. */
export function readSlaClock(value: unknown): SlaClock | undefined {
  const parsed = SlaClock.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** How the clock counts: `after(from, ms)` is the instant `ms` of counted time after `from`; `between` the counted time. */
export interface SlaCounter {
  after(from: number, ms: number): number;
  between(from: number, to: number): number;
}

/**
 * A clock started at `from` with `budgetMs`, running.
 * @example startClock('first_response', 7_200_000, created, counter)
 */
export function startClock(target: SlaTarget, budgetMs: number, from: number, counter: SlaCounter): SlaClock {
  return {
    kind: 'sla',
    target,
    budgetMs,
    startedAt: from,
    state: 'running',
    since: from,
    leftMs: budgetMs,
    warned: false,
    dueAt: counter.after(from, budgetMs),
  };
}

/** Stops the clock at `now`: what was left stays left (counted time only: a night does not eat a business-hours budget). */
export function pauseClock(clock: SlaClock, now: number, counter: SlaCounter): SlaClock {
  if (clock.state === 'paused') return clock;
  const left = Math.max(0, clock.leftMs - counter.between(clock.since, now));
  return { ...clock, state: 'paused', since: now, leftMs: left, dueAt: null };
}

/** Starts the clock again at `now` with the time it had left when it paused. */
export function resumeClock(clock: SlaClock, now: number, counter: SlaCounter): SlaClock {
  if (clock.state === 'running') return clock;
  return { ...clock, state: 'running', since: now, dueAt: counter.after(now, clock.leftMs) };
}

/**
 * When the clock's timer fires: at once when it was met while away (the delay is never negative), the warning instant (`warnMs` of counted time before the due time)
 * while not warned, else the due time; null while paused.
 */
export function nextFiring(clock: SlaClock, warnMs: number, counter: SlaCounter): number | null {
  if (clock.metAt !== undefined) return clock.metAt;
  if (clock.state === 'paused' || clock.dueAt === null) return null;
  if (warnMs > 0 && !clock.warned) return counter.after(clock.since, Math.max(0, clock.leftMs - warnMs));
  return clock.dueAt;
}
