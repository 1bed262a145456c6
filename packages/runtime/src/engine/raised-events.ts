import type { TicketEvent } from '@switchyard/flow';

/**
 * How many events flows may raise for one external event or timer. A status change raises
 * an event other flows react to, and two flows that set the status back and forth would
 * otherwise never let the clock move on.
 */
export const MAX_RAISED_EVENTS = 16;

/** An event a flow's action raised (a status change), and where it came from. */
export interface RaisedEvent {
  readonly event: TicketEvent;
  readonly flow: string;
  readonly node: string;
}

/** What became of a raised event: queued, the first one over the limit (report it), or dropped after that. */
export type RaiseResult = 'queued' | 'over-limit' | 'dropped';

/** A FIFO of raised events, bounded per step of the clock (see `createRaisedEventQueue`). */
export interface RaisedEventQueue {
  raise(raised: RaisedEvent): RaiseResult;
  /** The oldest queued event, removed; undefined when none is left. */
  shift(): RaisedEvent | undefined;
  /** Ends the step of one external event or timer: the next step starts a new budget. */
  endStep(): void;
}

/**
 * Queues the events flows raise while an external event or timer fans out, so every flow
 * sees that event before any raised one, and raised ones in the order they were raised.
 * At most `limit` are queued per step; the first event beyond is reported as
 * `'over-limit'` and it and every later one of the step are dropped.
 * @example
 * const queue = createRaisedEventQueue();
 * queue.raise({ event: { type: 'ticket.status', status: 'resolved' }, flow: 'auto-resolve', node: 'ar-resolve' }); // 'queued'
 * queue.shift()?.event.type; // 'ticket.status'
 */
export function createRaisedEventQueue(limit: number = MAX_RAISED_EVENTS): RaisedEventQueue {
  let queue: RaisedEvent[] = [];
  let raisedInStep = 0;
  return {
    raise(raised) {
      raisedInStep++;
      if (raisedInStep > limit) return raisedInStep === limit + 1 ? 'over-limit' : 'dropped';
      queue.push(raised);
      return 'queued';
    },
    shift: () => queue.shift(),
    endStep() {
      queue = [];
      raisedInStep = 0;
    },
  };
}
