import type { FINAL_FIELDS, Ticket } from '@switchyard/flow';
import { type CalendarBook, EMPTY_STATS, type NodeRegistry, type Roster } from '@switchyard/nodes';
import { createEffectRunner } from '../engine/effect-runner';
import { flowAt } from '../engine/flow-at';
import type { PreparedFlow } from '../engine/prepared-flow';
import { createTicketRun } from '../engine/ticket-run';
import type { DryRunAction, DryRunDecision, DryRunError, DryRunResult } from './dry-run-result';
import { eventTime, type SampleTicket } from './sample-ticket';
import { createTimerLoopGuard, TIMER_LOOP_MESSAGES } from '../engine/timer-loop-guard';
import { createVirtualTimers } from '../engine/virtual-timers';

export interface DryRunOptions {
  readonly registry: NodeRegistry;
  readonly roster: Roster;
  /** Business calendars for waits that count business time (the shipped default when absent). */
  readonly calendars?: CalendarBook;
  /** A run stops this long after the ticket's creation (the contract says 30 days). */
  readonly horizonMs?: number;
  /**
   * Report each condition's answer and inputs (`decisions`) and what actions weighed (`inputs` on
   * actions), as the durable runtime audits them for a ticket's trace. Off by default: nothing recorded.
   */
  readonly explain?: boolean;
}

const THIRTY_DAYS = 30 * 86_400_000;

/**
 * Runs one sample ticket through several flows on a virtual clock: events and timers in
 * time order (a timer due at an event's time fires first), side effects simulated and
 * recorded. The flows run on the same engine as real tickets (`createTicketRun`).
 */
export async function dryRunTicket(sample: SampleTicket, flows: readonly PreparedFlow[], options: DryRunOptions): Promise<DryRunResult> {
  const { events, expect: _expect, note: _note, ...fields } = sample;
  const createdAt = Date.parse(fields.createdAt);
  const horizon = createdAt + (options.horizonMs ?? THIRTY_DAYS);
  const timers = createVirtualTimers();
  const looping = createTimerLoopGuard();
  const path: string[] = [];
  // Each flow's path by its index in the run, and by its id in the result.
  const flowPaths = flows.map((): string[] => []);
  const paths: Record<string, string[]> = Object.fromEntries(flowPaths.map((flowPath, i) => [flowAt(flows, i).compiled.id, flowPath]));
  const actions: DryRunAction[] = [];
  const errors: DryRunError[] = [];
  const decisions: DryRunDecision[] | undefined = options.explain ? [] : undefined;

  const run = createTicketRun(
    { ticket: fields, stats: EMPTY_STATS },
    flows,
    flows.map((f) => f.idle),
    {
      runAction: createEffectRunner({ registry: options.registry, roster: options.roster, explain: options.explain === true }),
      explains: options.explain === true,
      ...(options.calendars ? { calendars: options.calendars } : {}),
      schedule: (flow, timer, now) => timers.schedule(flow, timer, now),
      cancel: (flow, ids) => timers.cancel(flow, ids),
      cancelFlow: (flow) => timers.cancelFlow(flow),
      moved(flow, _from, _to, visits, _event, now, decided) {
        const flowPath = flowAt(flowPaths, flow);
        for (const node of visits) {
          path.push(node);
          flowPath.push(node);
        }
        if (decisions && decided) {
          const at = new Date(now).toISOString();
          const id = flowAt(flows, flow).compiled.id;
          for (const d of decided)
            decisions.push({ at, flow: id, node: d.node, answer: d.answer, ...(d.inputs ? { inputs: { ...d.inputs } } : {}) });
        }
      },
      action: (_flow, action) => actions.push(action),
      error: (_flow, error) => errors.push(error),
    },
  );

  const scripted = events
    .map((e, order) => ({ at: eventTime(createdAt, e.at), order, event: e.event }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  await run.deliverTicketEvent({ type: 'ticket.created' }, createdAt);
  let next = 0;
  for (;;) {
    const scriptedEvent = scripted[next];
    // A timer due at the same instant as a scripted event fires first.
    const timer = timers.takeDue(scriptedEvent ? Math.min(scriptedEvent.at, horizon) : horizon);
    const loop = timer && looping(timer.flow, timer.at);
    if (timer && loop) {
      run.stopFlow(timer.flow, timer.at, TIMER_LOOP_MESSAGES[loop]);
    } else if (timer) {
      await run.deliverTimer(timer.flow, timer.eventType, timer.at);
    } else if (scriptedEvent && scriptedEvent.at <= horizon) {
      next++;
      await run.deliverTicketEvent(scriptedEvent.event, Math.max(scriptedEvent.at, createdAt));
    } else {
      break;
    }
  }
  return {
    ticketId: run.state.ticket.id,
    path,
    actions,
    final: finalFields(run.state.ticket),
    errors,
    paths,
    ...(decisions ? { decisions } : {}),
  };
}

function finalFields(ticket: Ticket): DryRunResult['final'] {
  const { status, priority, category, subcategory, group, assignee, tags, flags } = ticket;
  // The level two (an extension of the contract) comes after the contract's own fields.
  return { status, priority, category, group, assignee, tags, flags, subcategory } satisfies Record<(typeof FINAL_FIELDS)[number], unknown>;
}
