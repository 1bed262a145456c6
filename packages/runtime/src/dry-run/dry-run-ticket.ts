import { type FlowEvent, nodeCodeErrorIn } from '@switchyard/compiler';
import { FINAL_FIELDS, type Ticket, type TicketEvent } from '@switchyard/flow';
import { EMPTY_STATS, type NodeRegistry, type Roster } from '@switchyard/nodes';
import { canMove } from '../engine/accepted-events';
import { advanceFlow, type FlowSnapshot, type FlowStep } from '../engine/advance-flow';
import { applyPatch, applyTicketEvent, type TicketState } from '../engine/ticket-state';
import type { DryRunAction, DryRunError, DryRunResult } from './dry-run-result';
import { createEffectRunner } from './effect-runner';
import type { PreparedFlow } from './prepared-flow';
import { createRaisedEventQueue, MAX_RAISED_EVENTS } from './raised-events';
import { eventTime, type SampleTicket } from './sample-ticket';
import { createTimerLoopGuard, MAX_TIMERS_AT_ONCE, MAX_TIMERS_PER_FLOW, type TimerLoop } from './timer-loop-guard';
import { createVirtualTimers } from './virtual-timers';

export interface DryRunOptions {
  readonly registry: NodeRegistry;
  readonly roster: Roster;
  /** A run stops this long after the ticket's creation (the contract says 30 days). */
  readonly horizonMs?: number;
}

const THIRTY_DAYS = 30 * 86_400_000;

interface Message {
  readonly type: string;
  readonly payload?: TicketEvent;
  readonly node?: string;
  readonly output?: unknown;
  readonly error?: string;
}

/**
 * Runs one sample ticket through several flows on a virtual clock: events and timers in
 * time order (a timer due at an event's time fires first), effects simulated and recorded.
 * An action that changes the status raises a `ticket.status` event, which every flow sees
 * at the same instant once the event or timer that caused it has reached every flow.
 */
export async function dryRunTicket(sample: SampleTicket, flows: readonly PreparedFlow[], options: DryRunOptions): Promise<DryRunResult> {
  const { events, expect: _expect, note: _note, ...fields } = sample;
  const createdAt = Date.parse(fields.createdAt);
  const horizon = createdAt + (options.horizonMs ?? THIRTY_DAYS);
  let state: TicketState = { ticket: fields, stats: EMPTY_STATS };
  const snapshots: FlowSnapshot[] = flows.map((f) => f.idle);
  const runAction = createEffectRunner(options.registry, options.roster);
  const raised = createRaisedEventQueue();
  const timers = createVirtualTimers();
  const looping = createTimerLoopGuard();
  const path: string[] = [];
  const paths: Record<string, string[]> = Object.fromEntries(flows.map((f) => [f.compiled.id, []]));
  const actions: DryRunAction[] = [];
  const errors: DryRunError[] = [];
  const lastError = new Map<string, string>();
  // Most actions of a ticket share a handful of instants; format each once.
  let isoNow = Number.NaN;
  let isoText = '';
  const isoAt = (now: number): string => {
    if (now !== isoNow) {
      isoNow = now;
      isoText = new Date(now).toISOString();
    }
    return isoText;
  };

  const runEffect = async (flow: PreparedFlow, node: string, now: number, payload: TicketEvent | undefined, vars: Record<string, unknown>): Promise<Message> => {
    const outcome = await runAction({ flow: flow.compiled, node, state, now, event: payload, vars });
    if (!outcome.ok) {
      lastError.set(`${flow.compiled.id}/${node}`, outcome.error);
      return { type: 'effect.error', node, error: outcome.error, payload };
    }
    const before = state.ticket.status;
    state = applyPatch(state, outcome.patch);
    actions.push({ at: isoAt(now), flow: flow.compiled.id, node, type: outcome.type, params: outcome.params });
    if (state.ticket.status !== before) raiseStatus(flow.compiled.id, node, now);
    // One object shape for every message: spreading optional fields made this the host's hottest line.
    return { type: 'effect.done', node, output: outcome.output, payload };
  };

  /** A status set by a flow is news to every flow, as a status set by an agent is. */
  const raiseStatus = (flow: string, node: string, now: number) => {
    const event: TicketEvent = { type: 'ticket.status', status: state.ticket.status };
    if (raised.raise({ event, flow, node }) !== 'over-limit') return;
    errors.push({
      at: isoAt(now),
      flow,
      node,
      message: `more than ${MAX_RAISED_EVENTS} status changes by flows in one step (do flows set the status back and forth?): dropped ticket.status "${state.ticket.status}" and any later one`,
    });
  };

  const deliver = async (index: number, first: Message, now: number): Promise<void> => {
    const flow = flows[index]!;
    const queue: Message[] = [first];
    for (let message = queue.shift(); message; message = queue.shift()) {
      if (!canMove(flow.accepts, snapshots[index]!, message.type)) continue;
      let step: FlowStep;
      try {
        const event: FlowEvent = {
          type: message.type,
          ticket: state.ticket,
          stats: state.stats,
          now,
          payload: message.payload,
          node: message.node,
          output: message.output,
          error: message.error,
        };
        step = advanceFlow(flow.machine, snapshots[index]!, event);
      } catch (error) {
        // A guard or delay threw: report it and end this flow's run; other flows go on.
        const inNode = nodeCodeErrorIn(error);
        errors.push({
          at: isoAt(now),
          flow: flow.compiled.id,
          ...(inNode ? { node: inNode.node } : {}),
          message: error instanceof Error ? error.message : String(error),
        });
        snapshots[index] = flow.idle;
        timers.cancelFlow(index);
        return;
      }
      snapshots[index] = step.snapshot;
      for (const node of step.visits) {
        path.push(node);
        paths[flow.compiled.id]!.push(node);
      }
      timers.cancel(index, step.cancels);
      for (const timer of step.timers) timers.schedule(index, timer, now);
      for (const node of step.failures) {
        errors.push({
          at: isoAt(now),
          flow: flow.compiled.id,
          node,
          message: `action ${node} failed: ${lastError.get(`${flow.compiled.id}/${node}`) ?? 'unknown error'}`,
        });
      }
      const vars = step.snapshot.context.vars;
      for (const node of step.effects) queue.push(await runEffect(flow, node, now, message.payload, vars));
    }
  };

  const fanOut = async (event: TicketEvent, now: number) => {
    for (let i = 0; i < flows.length; i++) {
      // Checked here too so the flows an event cannot move cost no async call.
      if (canMove(flows[i]!.accepts, snapshots[i]!, event.type)) await deliver(i, { type: event.type, payload: event }, now);
    }
  };

  /** Ends the run of a flow whose waits keep firing at one instant: it would never let the clock move. */
  const stopLoop = (index: number, now: number, loop: TimerLoop) => {
    const flow = flows[index]!;
    const node = snapshots[index]!.value;
    errors.push({
      at: isoAt(now),
      flow: flow.compiled.id,
      ...(typeof node === 'string' ? { node } : {}),
      message:
        loop === 'instant'
          ? `more than ${MAX_TIMERS_AT_ONCE} timers fired at one instant: the flow loops through waits with no time left to wait (a timeout counted from ticket creation that has passed?); the run ends`
          : `more than ${MAX_TIMERS_PER_FLOW} timers fired for this ticket: the flow loops through very short waits; the run ends`,
    });
    snapshots[index] = flow.idle;
    timers.cancelFlow(index);
  };

  /**
   * Ends a step of the clock: the status events its actions raised reach every flow, oldest
   * first, at the same instant. Not applied to the ticket again: the action's patch already
   * was, and the ticket may have moved on since.
   */
  const deliverRaised = async (now: number) => {
    for (let next = raised.shift(); next; next = raised.shift()) await fanOut(next.event, now);
    raised.endStep();
  };

  const deliverTicketEvent = async (event: TicketEvent, now: number) => {
    state = applyTicketEvent(state, event, new Date(now));
    await fanOut(event, now);
    await deliverRaised(now);
  };

  const scripted = events
    .map((e, order) => ({ at: eventTime(createdAt, e.at), order, event: e.event }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  await deliverTicketEvent({ type: 'ticket.created' }, createdAt);
  let next = 0;
  for (;;) {
    const scriptedEvent = scripted[next];
    // A timer due at the same instant as a scripted event fires first.
    const timer = timers.takeDue(scriptedEvent ? Math.min(scriptedEvent.at, horizon) : horizon);
    const loop = timer && looping(timer.flow, timer.at);
    if (timer && loop) {
      stopLoop(timer.flow, timer.at, loop);
    } else if (timer) {
      await deliver(timer.flow, { type: timer.eventType }, timer.at);
      await deliverRaised(timer.at);
    } else if (scriptedEvent && scriptedEvent.at <= horizon) {
      next++;
      await deliverTicketEvent(scriptedEvent.event, Math.max(scriptedEvent.at, createdAt));
    } else {
      break;
    }
  }
  return { ticketId: state.ticket.id, path, actions, final: finalFields(state.ticket), errors, paths };
}

function finalFields(ticket: Ticket): DryRunResult['final'] {
  return Object.fromEntries(FINAL_FIELDS.map((f) => [f, ticket[f]])) as DryRunResult['final'];
}
