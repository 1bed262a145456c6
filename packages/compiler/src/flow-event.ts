import type { Ticket, TicketEvent } from '@switchyard/flow';
import type { CalendarBook, NodeInputs, TicketStats } from '@switchyard/nodes';

/** A condition's answer to one event and what it looked at (its `explain`), as a trace shows it. */
export interface Decision {
  readonly node: string;
  readonly answer: string;
  readonly inputs?: NodeInputs;
}

/**
 * What a host sends a flow machine: the event's type plus the ticket as it is now, so
 * guards are pure functions of (context, event).
 */
export interface FlowEvent {
  /** A ticket event type, `effect.done` / `effect.error`, or a timer's `xstate.after.*` type. */
  readonly type: string;
  readonly ticket: Ticket;
  readonly stats: TicketStats;
  /** Epoch milliseconds on the host's clock (virtual in dry-run). */
  readonly now: number;
  /** The ticket event that started this macrostep, if any. */
  readonly payload?: TicketEvent;
  /** For effect.done / effect.error: the action node. */
  readonly node?: string;
  readonly output?: unknown;
  readonly error?: string;
  /** The host's business calendars, for waits that count business time. */
  readonly calendars?: CalendarBook | undefined;
  /**
   * Where guards record each condition they answer, once per condition per event: set by a host
   * that keeps a trace, left undefined (nothing recorded, nothing allocated) otherwise.
   */
  readonly decisions?: Decision[] | undefined;
}
