import type { TimerRequest } from './advance-flow';

/** A timer a flow's wait asked for, due at a virtual instant. */
export interface PendingTimer {
  readonly at: number;
  /** Order of scheduling: of two timers due at once, the older fires first. */
  readonly seq: number;
  /** Index of the flow in the run. */
  readonly flow: number;
  readonly id: string;
  readonly eventType: string;
}

/** The pending timers of one ticket's flows on the virtual clock. */
export interface VirtualTimers {
  schedule(flow: number, request: TimerRequest, now: number): void;
  /** Drops a flow's timers by id (its wait was left). */
  cancel(flow: number, ids: readonly string[]): void;
  /** Drops every timer of a flow (its run ended abruptly). */
  cancelFlow(flow: number): void;
  /** The timer due first, removed, if it is due by `until`. */
  takeDue(until: number): PendingTimer | undefined;
  /** Every timer still pending, in no particular order (a durable host writes them back). */
  pending(): readonly PendingTimer[];
}

/**
 * Timers as data the dry-run host keeps, never XState's scheduler: a timer fires when the
 * virtual clock reaches it, earliest first, and the one scheduled first among equals.
 * @example
 * const timers = createVirtualTimers();
 * timers.schedule(0, { id: 'wait', eventType: 'xstate.after.wait', delayMs: 900_000 }, createdAt);
 * timers.takeDue(createdAt + 900_000)?.eventType; // 'xstate.after.wait'
 */
export function createVirtualTimers(): VirtualTimers {
  let timers: PendingTimer[] = [];
  let seq = 0;
  return {
    schedule(flow, request, now) {
      timers.push({ at: now + request.delayMs, seq: seq++, flow, id: request.id, eventType: request.eventType });
    },
    cancel(flow, ids) {
      if (ids.length) timers = timers.filter((t) => t.flow !== flow || !ids.includes(t.id));
    },
    cancelFlow(flow) {
      timers = timers.filter((t) => t.flow !== flow);
    },
    takeDue(until) {
      // Asked before every event of a dry-run: a plain loop, no closure; an array only when one is taken.
      let index = -1;
      for (let i = 0; i < timers.length; i++) {
        const t = timers[i];
        const best = index < 0 ? undefined : timers[index];
        if (t && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) index = i;
      }
      const first = index < 0 ? undefined : timers[index];
      if (!first || first.at > until) return undefined;
      // A new array, not a splice: `pending()` may have handed out this one.
      timers = timers.filter((t) => t !== first);
      return first;
    },
    pending: () => timers,
  };
}
