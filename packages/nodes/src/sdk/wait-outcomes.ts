import type { TicketEventType } from '@switchyard/flow';
import type { z } from 'zod';
import type { NodeContext } from './node-context';

/** The flow and node a wait runs as: an approval matches decisions addressed to it. */
export interface WaitSelf {
  readonly flow: string;
  readonly node: string;
}

/**
 * What a wait with outcomes answers to an event or its timer: leave by `port` (its memory dropped, or
 * kept as `keep` so that coming back continues it: an SLA's warning), or stay with new memory (the
 * timer is armed again from it: an SLA paused or resumed). `undefined` to an event: not for this wait.
 */
export type WaitAnswer = { readonly port: string; readonly keep?: unknown } | { readonly stay: unknown };

/**
 * A wait that keeps a memory while the flow rests in it (a clock, a request) and decides its own
 * ports: SLA policies (met / warning / breach), approvals, confirmations. The memory lives in the
 * run's `vars` under the node's id, so durable runs persist it with the snapshot and the dry-run
 * keeps it the same way; the host reads it for the ticket answer.
 */
export interface WaitOutcomes<C extends z.ZodType> {
  /** Output ports, in drawing order. */
  ports(config: z.output<C>): readonly string[];
  /** The ticket events that can move this wait. */
  events(config: z.output<C>): readonly TicketEventType[];
  /** The memory on entering; `kept` is what a `keep` answer left on an earlier visit in this run (else undefined). */
  enter(ctx: NodeContext, config: z.output<C>, kept: unknown, self: WaitSelf): unknown;
  /** An event came while waiting. */
  onEvent(ctx: NodeContext, config: z.output<C>, memory: unknown, self: WaitSelf): WaitAnswer | undefined;
  /** The timer fired (at `dueAt`). */
  onTimer(ctx: NodeContext, config: z.output<C>, memory: unknown, self: WaitSelf): WaitAnswer;
  /**
   * A ticket event came while the flow was elsewhere and this wait's memory was kept (an SLA gone out by
   * `warning`): the memory to keep, so what happened meanwhile (a stop, a pause, a resume) counts when
   * the flow comes back. Absent: kept memory sees no events.
   */
  whileAway?(ctx: NodeContext, config: z.output<C>, kept: unknown, self: WaitSelf): unknown;
  /** When the timer fires (epoch ms), or null for none (a paused clock). */
  dueAt(ctx: NodeContext, config: z.output<C>, memory: unknown): number | null;
}
