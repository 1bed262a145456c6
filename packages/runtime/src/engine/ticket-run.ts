import { type Decision, type FlowEvent, nodeCodeErrorIn } from '@switchyard/compiler';
import type { TicketEvent } from '@switchyard/flow';
import type { CalendarBook, NodeInputs } from '@switchyard/nodes';
import { canMove } from './accepted-events';
import type { FlowSnapshot, FlowStep, TimerRequest } from './advance-flow';
import type { EffectOutcome, EffectRunner } from './effect-runner';
import { flowAt } from './flow-at';
import type { PreparedFlow } from './prepared-flow';
import { createRaisedEventQueue, MAX_RAISED_EVENTS } from './raised-events';
import { stepFlow } from './step-flow';
import { applyPatch, applyTicketEvent, type TicketState } from './ticket-state';

/** An action that ran, as reports and the audit show it. */
export interface RunAction {
  readonly at: string;
  readonly flow: string;
  readonly node: string;
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** What the action weighed (an assignment's candidates), when the host explains (see `TicketRunHost.explains`). */
  readonly inputs?: NodeInputs;
}

/** A problem in a flow's run: a node's code threw, an action failed with no error branch, a loop was cut. */
export interface RunError {
  readonly at: string;
  readonly flow: string;
  readonly node?: string;
  readonly message: string;
}

/** What a host does for a ticket's run: run actions, keep timers, record what happened. */
export interface TicketRunHost {
  readonly runAction: EffectRunner;
  /** Business calendars the flows' waits count in (the shipped default when absent). */
  readonly calendars?: CalendarBook;
  /** A wait asked for a timer (`flow` is the index of the flow in the run). */
  schedule(flow: number, timer: TimerRequest, now: number): void;
  /** Waits were left: drop their timers. */
  cancel(flow: number, ids: readonly string[]): void;
  /** A flow's run ended abruptly: drop all its timers. */
  cancelFlow(flow: number): void;
  /**
   * Whether the host keeps a trace: each condition passed is then handed to `moved` with its answer and
   * inputs (and the effect runner should explain actions). Off, guards record nothing and allocate nothing.
   */
  readonly explains?: boolean;
  /** A flow moved from one state to another, entering `visits` in order; `decisions`: the conditions passed, when the host explains. */
  moved(
    flow: number,
    from: FlowSnapshot,
    to: FlowSnapshot,
    visits: readonly string[],
    eventType: string,
    now: number,
    decisions?: readonly Decision[],
  ): void;
  action(flow: number, action: RunAction): void;
  error(flow: number, error: RunError): void;
}

/** A message to one flow: a ticket event, a timer, or the result of one of its actions. */
interface Message {
  readonly type: string;
  readonly payload?: TicketEvent | undefined;
  readonly node?: string;
  readonly output?: unknown;
  readonly error?: string;
}

/** One ticket's flows and what moves them; the same engine for dry-runs and real runs. */
export interface TicketRun {
  /** The ticket as the run has left it so far. */
  readonly state: TicketState;
  /** The snapshot of each flow, in the order of the flows given. */
  readonly snapshots: readonly FlowSnapshot[];
  /** Applies a ticket event to the ticket, then lets every flow react, then the status changes they raised. */
  deliverTicketEvent(event: TicketEvent, now: number): Promise<void>;
  /** A flow's timer fired. */
  deliverTimer(flow: number, eventType: string, now: number): Promise<void>;
  /** A deferred action of a flow finished (delivered from the outbox, or dead-lettered). */
  deliverEffectResult(flow: number, node: string, outcome: EffectOutcome, now: number, payload: TicketEvent | undefined): Promise<void>;
  /** Ends a flow's run with an error (e.g. its waits loop without letting time pass). */
  stopFlow(flow: number, now: number, message: string): void;
}

/**
 * Runs the flows bound to one ticket. Flows react in the given order, each to quiescence
 * before the next sees the event. An action that changes the status raises a
 * `ticket.status` event, which every flow sees once the event that caused it has reached
 * every flow (at most `MAX_RAISED_EVENTS` per step, so two flows setting the status back
 * and forth cannot hold the clock).
 * @example
 * const run = createTicketRun({ ticket, stats: EMPTY_STATS }, flows, flows.map((f) => f.idle), host);
 * await run.deliverTicketEvent({ type: 'ticket.created' }, Date.parse(ticket.createdAt));
 */
export function createTicketRun(
  initial: TicketState,
  flows: readonly PreparedFlow[],
  initialSnapshots: readonly FlowSnapshot[],
  host: TicketRunHost,
): TicketRun {
  let state = initial;
  const explains = host.explains === true;
  const snapshots = [...initialSnapshots];
  const raised = createRaisedEventQueue();
  const lastError = new Map<string, string>();
  // Most records of a ticket share a handful of instants; format each once.
  let isoNow = Number.NaN;
  let isoText = '';
  const isoAt = (now: number): string => {
    if (now !== isoNow) {
      isoNow = now;
      isoText = new Date(now).toISOString();
    }
    return isoText;
  };

  /** A status set by a flow is news to every flow, as a status set by an agent is. */
  const raiseStatus = (index: number, node: string, now: number) => {
    const event: TicketEvent = { type: 'ticket.status', status: state.ticket.status };
    const flow = flowAt(flows, index).compiled.id;
    if (raised.raise({ event, flow, node }) !== 'over-limit') return;
    host.error(index, {
      at: isoAt(now),
      flow,
      node,
      message: `more than ${MAX_RAISED_EVENTS} status changes by flows in one step (do flows set the status back and forth?): dropped ticket.status "${state.ticket.status}" and any later one`,
    });
  };

  /** Turns an action's outcome into the message its flow gets, applying and recording a success. */
  const settle = (index: number, node: string, outcome: EffectOutcome, now: number, payload: TicketEvent | undefined): Message => {
    const flow = flowAt(flows, index).compiled.id;
    if (!outcome.ok) {
      lastError.set(`${flow}/${node}`, outcome.error);
      return { type: 'effect.error', node, error: outcome.error, payload };
    }
    const before = state.ticket.status;
    state = applyPatch(state, outcome.patch);
    host.action(index, {
      at: isoAt(now),
      flow,
      node,
      type: outcome.type,
      params: outcome.params,
      ...(outcome.inputs ? { inputs: outcome.inputs } : {}),
    });
    if (state.ticket.status !== before) raiseStatus(index, node, now);
    // One object shape for every message: spreading optional fields made this the host's hottest line.
    return { type: 'effect.done', node, output: outcome.output, payload, error: undefined };
  };

  const endRun = (index: number) => {
    snapshots[index] = flowAt(flows, index).idle;
    host.cancelFlow(index);
  };

  /** Node code (a guard, a delay, a kept wait's update) threw: report it, naming the node when known, and end this flow's run. */
  const failRun = (index: number, error: unknown, now: number) => {
    const inNode = nodeCodeErrorIn(error);
    host.error(index, {
      at: isoAt(now),
      flow: flowAt(flows, index).compiled.id,
      ...(inNode ? { node: inNode.node } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
    endRun(index);
  };

  const deliver = async (index: number, first: Message, now: number): Promise<void> => {
    const flow = flowAt(flows, index);
    const queue: Message[] = [first];
    for (let message = queue.shift(); message; message = queue.shift()) {
      const before = flowAt(snapshots, index);
      if (!canMove(flow.accepts, before, message.type)) continue;
      let step: FlowStep;
      let decided: Decision[] | undefined;
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
          calendars: host.calendars,
          decisions: explains ? [] : undefined,
        };
        step = stepFlow(flow, before, event);
        decided = event.decisions;
      } catch (error) {
        // A guard or delay threw: report it and end this flow's run; other flows go on.
        failRun(index, error, now);
        return;
      }
      snapshots[index] = step.snapshot;
      host.moved(index, before, step.snapshot, step.visits, message.type, now, decided ? passed(decided, step.visits) : undefined);
      if (step.cancels.length) host.cancel(index, step.cancels);
      for (const timer of step.timers) host.schedule(index, timer, now);
      for (const node of step.failures) {
        host.error(index, {
          at: isoAt(now),
          flow: flow.compiled.id,
          node,
          message: `action ${node} failed: ${lastError.get(`${flow.compiled.id}/${node}`) ?? 'unknown error'}`,
        });
      }
      const vars = step.snapshot.context.vars;
      for (const node of step.effects) {
        const outcome = await host.runAction({ flow: flow.compiled, node, state, now, event: message.payload, vars });
        if (outcome) queue.push(settle(index, node, outcome, now, message.payload));
      }
    }
  };

  /**
   * Lets the waits whose memory the run kept while it is elsewhere see the event first (an SLA away on
   * its warning branch counts a stop, pause or resume that happens meanwhile). False: node code threw.
   */
  const updateKept = (index: number, event: TicketEvent, now: number): boolean => {
    const flow = flowAt(flows, index);
    const before = flowAt(snapshots, index);
    if (!flow.updateKept || isEmpty(before.context.vars)) return true;
    try {
      const flowEvent: FlowEvent = {
        type: event.type,
        ticket: state.ticket,
        stats: state.stats,
        now,
        payload: event,
        calendars: host.calendars,
      };
      const vars = flow.updateKept(before.context.vars, before.value, flowEvent);
      if (vars !== before.context.vars) snapshots[index] = { value: before.value, context: { ...before.context, vars } };
      return true;
    } catch (error) {
      failRun(index, error, now);
      return false;
    }
  };

  const fanOut = async (event: TicketEvent, now: number) => {
    for (let i = 0; i < flows.length; i++) {
      const flow = flowAt(flows, i);
      if (!updateKept(i, event, now)) continue;
      // Checked here too so the flows an event cannot move cost no async call.
      if (canMove(flow.accepts, flowAt(snapshots, i), event.type)) await deliver(i, { type: event.type, payload: event }, now);
    }
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

  return {
    get state() {
      return state;
    },
    snapshots,
    async deliverTicketEvent(event, now) {
      state = applyTicketEvent(state, event, new Date(now));
      await fanOut(event, now);
      await deliverRaised(now);
    },
    async deliverTimer(index, eventType, now) {
      await deliver(index, { type: eventType }, now);
      await deliverRaised(now);
    },
    async deliverEffectResult(index, node, outcome, now, payload) {
      await deliver(index, settle(index, node, outcome, now, payload), now);
      await deliverRaised(now);
    },
    stopFlow(index, now, message) {
      const node = flowAt(snapshots, index).value;
      host.error(index, { at: isoAt(now), flow: flowAt(flows, index).compiled.id, ...(typeof node === 'string' ? { node } : {}), message });
      endRun(index);
    },
  };
}

/**
 * The decisions of the conditions a step passed, in path order: guards also answer for routes
 * that were not taken, and those are not part of the path.
 */
function passed(decisions: readonly Decision[], visits: readonly string[]): Decision[] {
  const byNode = new Map(decisions.map((d) => [d.node, d]));
  const out: Decision[] = [];
  for (const node of visits) {
    const decision = byNode.get(node);
    if (decision) out.push(decision);
  }
  return out;
}

/** Whether a run keeps no vars (asked for every flow on every ticket event: no key array). */
function isEmpty(vars: Readonly<Record<string, unknown>>): boolean {
  for (const key in vars) if (Object.hasOwn(vars, key)) return false;
  return true;
}
