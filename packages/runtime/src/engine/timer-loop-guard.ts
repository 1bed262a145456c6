/**
 * How many timers of one flow may fire at one virtual instant. A wait whose timeout is
 * already due when it is entered (a deadline counted from the ticket's creation that has
 * passed) and that loops back to itself would otherwise fire for ever without the clock
 * moving, and the dry-run would never end.
 */
export const MAX_TIMERS_AT_ONCE = 100;

/**
 * How many timers one flow may fire for one ticket in a whole dry-run. Thirty days of a
 * one-minute polling loop stay far below it; a loop of one-second waits does not.
 */
export const MAX_TIMERS_PER_FLOW = 50_000;

/** Why a flow's timers were stopped: too many at one instant, or too many in all. */
export type TimerLoop = 'instant' | 'total';

/** What the run's error says when a flow's timers are stopped. */
export const TIMER_LOOP_MESSAGES: Readonly<Record<TimerLoop, string>> = {
  instant: `more than ${MAX_TIMERS_AT_ONCE} timers fired at one instant: the flow loops through waits with no time left to wait (a timeout counted from ticket creation that has passed?); the run ends`,
  total: `more than ${MAX_TIMERS_PER_FLOW} timers fired for this ticket: the flow loops through very short waits; the run ends`,
};

/**
 * Counts timer firings per flow, at the current virtual instant (the count starts again
 * when the clock moves) and in all, and says when a flow has gone past either limit.
 * @example
 * const looping = createTimerLoopGuard();
 * looping(0, Date.parse('2026-01-05T03:00:00Z')); // undefined, until the 101st firing of flow 0 at that instant
 */
export function createTimerLoopGuard(
  atOnce: number = MAX_TIMERS_AT_ONCE,
  perFlow: number = MAX_TIMERS_PER_FLOW,
): (flow: number, at: number) => TimerLoop | undefined {
  let instant = Number.NaN;
  const counts = new Map<number, number>();
  const totals = new Map<number, number>();
  return (flow, at) => {
    if (at !== instant) {
      instant = at;
      counts.clear();
    }
    const count = (counts.get(flow) ?? 0) + 1;
    counts.set(flow, count);
    const total = (totals.get(flow) ?? 0) + 1;
    totals.set(flow, total);
    return count > atOnce ? 'instant' : total > perFlow ? 'total' : undefined;
  };
}

/**
 * A flow's timer firings as a durable run keeps them with the flow's snapshot: each round of
 * a loop may wait for its side effect in another transaction, so a count that lived for one
 * transaction would never reach the limit.
 */
export interface TimerFirings {
  /** When the last counted timer fired. */
  readonly at: number;
  /**
   * Firings in a row at one instant, as the dry-run counts them: a timer that fires after a
   * positive wait starts the count; each timer already due when it was scheduled adds to it.
   * The clock of a real run moves by milliseconds between the rounds of such a loop (each
   * waits for its effect), so "due when scheduled" is what says the instant did not move.
   */
  readonly atOnce: number;
  readonly total: number;
}

/**
 * Counts one firing of a flow's timer durably and says when the flow has gone past a limit,
 * as `createTimerLoopGuard` does in the dry-run. `before` is undefined for a flow that has
 * fired none (or whose snapshot was stored before firings were counted).
 * @example
 * const first = countTimerFiring(undefined, dueAt, false); // { firings: { at: dueAt, atOnce: 1, total: 1 }, loop: undefined }
 * countTimerFiring(first.firings, dueAt, true).firings.atOnce; // 2
 */
export function countTimerFiring(
  before: TimerFirings | undefined,
  at: number,
  dueWhenScheduled: boolean,
  atOnce: number = MAX_TIMERS_AT_ONCE,
  perFlow: number = MAX_TIMERS_PER_FLOW,
): { readonly firings: TimerFirings; readonly loop: TimerLoop | undefined } {
  const firings = { at, atOnce: dueWhenScheduled ? (before?.atOnce ?? 0) + 1 : 1, total: (before?.total ?? 0) + 1 };
  return { firings, loop: firings.atOnce > atOnce ? 'instant' : firings.total > perFlow ? 'total' : undefined };
}

/**
 * A ticket event moved the flow at `at`: later than its last firing, the clock has moved for
 * it, so its firings at one instant start again (the dry-run counts anew when its clock moves;
 * an event at the very instant of the firings does not start the count again there either).
 */
export function afterTicketEvent(before: TimerFirings | undefined, at: number): TimerFirings | undefined {
  return before && at > before.at && before.atOnce > 0 ? { ...before, atOnce: 0 } : before;
}
