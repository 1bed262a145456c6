import type { CompiledFlow } from '@switchyard/compiler';
import type { Ticket } from '@switchyard/flow';
import { EMPTY_STATS, type NodeRegistry } from '@switchyard/nodes';
import { flowNode } from './flow-node';
import type { TicketStep } from './script-steps';

/** When each step of a script happens, in milliseconds after the ticket's creation. */
export interface Timeline {
  /** The time of each step: its scripted event, the timer that fires, or the event an effect answers. */
  readonly at: readonly number[];
  /** The times of the prior messages sent before a step, by step. */
  readonly priorsAt: ReadonlyMap<number, readonly number[]>;
  readonly problems: readonly string[];
}

/** Scripted events come a minute apart, as a person would write them. */
const GAP_MS = 60_000;

/**
 * Places a script on the virtual clock. `ticket.created` is at 0; an effect answers at
 * once; each scripted event (and the prior messages before it) comes a minute after the
 * last. A timer step means no event until the timer fires: its time is when the wait was
 * entered plus the wait's own delay, computed by the wait node itself (`delayMs`: a
 * `wait_for_event` counts from the step or from creation, a `delay` from the step), so
 * what comes after it is placed after that. An event the script needs while a wait runs
 * must come before the wait's timer (a timer due at the same instant fires first), so the
 * gap shrinks when the timer is less than a minute away.
 */
export function timeScript(
  compiled: CompiledFlow,
  registry: NodeRegistry,
  ticket: Ticket,
  steps: readonly TicketStep[],
  priorCount: (step: number) => number,
): Timeline {
  const created = Date.parse(ticket.createdAt);
  const at: number[] = [];
  const priorsAt = new Map<number, number[]>();
  const problems: string[] = [];
  let clock = 0;
  /** When the timer of the wait the flow rests in fires. */
  let fireAt: number | undefined;
  for (const step of steps) {
    const priors = priorCount(step.index);
    let time = clock;
    if (step.kind === 'timer' || step.kind === 'ticket') {
      const until = step.kind === 'timer' ? fireAt : (fireAt ?? Number.POSITIVE_INFINITY);
      if (until === undefined) throw new Error(`step ${step.index}: a timer fires while no wait runs`);
      const slots = priors + (step.kind === 'ticket' ? 1 : 0);
      const gap = Math.min(GAP_MS, Math.floor((until - clock) / (slots + 1)));
      if (slots > 0 && gap < 1) problems.push(`no room for ${slots} event(s) before the timer of ${step.played.before}`);
      priorsAt.set(
        step.index,
        Array.from({ length: priors }, (_, i) => clock + (i + 1) * gap),
      );
      time = step.kind === 'timer' ? until : clock + slots * gap;
    }
    at.push(time);
    clock = time;
    const { after, visits } = step.played;
    // The flow rests idle (no node) or in an action or a wait; entering a wait (again) starts its timer.
    const resting = compiled.nodes[after] ? flowNode(compiled, registry, after) : undefined;
    if (resting?.def.kind !== 'wait' || !resting.def.delayMs) fireAt = undefined;
    else if (visits.includes(after)) {
      const ctx = { ticket, stats: EMPTY_STATS, now: new Date(created + time), vars: {} };
      fireAt = time + resting.def.delayMs(ctx, resting.config);
    }
  }
  return { at, priorsAt, problems };
}
