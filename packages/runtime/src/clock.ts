/** Where business logic reads the time, so tests can drive hours of SLA timers in milliseconds. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  advance(ms: number): Date;
  set(at: Date | string): Date;
}

/** @example const clock = createManualClock('2026-05-01T09:00:00+08:00'); clock.advance(4 * 3600_000); */
export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new Error(`createManualClock: ${String(start)} is not a time`);
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
      return new Date(current);
    },
    set(at) {
      current = new Date(at).getTime();
      return new Date(current);
    },
  };
}
