import type { Roster } from '@switchyard/nodes';
import { eventTime, type SampleTicket } from '@switchyard/runtime';
import { type AnyStateMachine, type ExecutableActionObject, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { applyEvent, type BaselineEvent, type RecordedAction, type Run } from './baseline-run';

/** A hand-written machine made ready once: its resting snapshot is shared by every ticket. */
export interface ReadyMachine {
  readonly machine: AnyStateMachine;
  readonly idle: SnapshotFrom<AnyStateMachine>;
}

/** What the baseline reports per ticket: the actions and the outcome fields. */
export interface BaselineResult {
  readonly ticketId: string;
  readonly actions: readonly RecordedAction[];
  readonly final: Readonly<Record<string, unknown>>;
}

/** How the host applies an event: XState's `transition()` by default. */
export type TransitionFn = (
  machine: AnyStateMachine,
  snapshot: SnapshotFrom<AnyStateMachine>,
  event: BaselineEvent,
) => [SnapshotFrom<AnyStateMachine>, ExecutableActionObject[]];

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly machine: number;
  readonly id: string;
  readonly type: string;
}

const THIRTY_DAYS = 30 * 86_400_000;
/** Status changes by machines delivered per event or timer, as the engine allows; later ones are dropped. */
const MAX_RAISED = 16;

/** Builds each machine's resting snapshot once. */
export function readyMachines(machines: readonly AnyStateMachine[]): ReadyMachine[] {
  return machines.map((machine) => ({ machine, idle: initialTransition(machine)[0] }));
}

/** The delayed-raise fields the host needs; XState types action params as unknown. */
function delayedRaise(params: unknown): { id: string; delay: number; type: string } | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { id, delay, event } = params as { id?: unknown; delay?: unknown; event?: unknown };
  const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
  if (typeof delay !== 'number' || typeof type !== 'string') return undefined;
  return { id: typeof id === 'string' ? id : type, delay, type };
}

function cancelledId(params: unknown): string | undefined {
  const sendId = typeof params === 'object' && params !== null ? (params as { sendId?: unknown }).sendId : undefined;
  return typeof sendId === 'string' ? sendId : undefined;
}

/**
 * The minimal host a developer would write around hand-written machines: XState's pure
 * `transition()`, a virtual clock, timers from the delayed raises the machines return.
 * Same event order as the dry-run: scripted events and timers by time, a timer due at an
 * event's time first, machines in order, 30-day horizon; a status set by a machine reaches
 * every machine as a `ticket.status` event once the event or timer that caused it has.
 */
export function runBaselineTicket(
  sample: SampleTicket,
  machines: readonly ReadyMachine[],
  roster: Roster,
  step: TransitionFn = transition,
): BaselineResult {
  const { events, expect: _expect, note: _note, ...ticket } = sample;
  const createdAt = Date.parse(ticket.createdAt);
  const horizon = createdAt + THIRTY_DAYS;
  const run: Run = { ticket, counters: { customerMessages: 0, agentReplies: 0, recentMessages: [] }, roster, actions: [], flow: '', raised: [] };
  const snapshots = machines.map((m) => m.idle);
  let timers: Timer[] = [];
  let seq = 0;

  const deliver = (index: number, event: BaselineEvent) => {
    const { machine } = machines[index]!;
    run.flow = machine.id;
    const [next, returned] = step(machine, snapshots[index]!, event);
    snapshots[index] = next;
    // Widened: the host handles every action by its type, built-in or the machine's own.
    const actions: readonly ExecutableActionObject[] = returned;
    for (const action of actions) {
      if (action.type === 'xstate.raise') {
        const raise = delayedRaise(action.params);
        if (raise) timers.push({ at: event.now + raise.delay, seq: seq++, machine: index, id: raise.id, type: raise.type });
      } else if (action.type === 'xstate.cancel') {
        const id = cancelledId(action.params);
        timers = timers.filter((t) => t.machine !== index || t.id !== id);
      } else {
        action.exec?.(action.info, action.params);
      }
    }
  };
  const deliverToAll = (event: BaselineEvent) => {
    for (let i = 0; i < machines.length; i++) deliver(i, event);
  };
  /** Ends a step: the statuses machines set reach every machine, in order; the ticket already has them. */
  const deliverRaised = (now: number) => {
    const { raised } = run;
    for (let i = 0; i < raised.length && i < MAX_RAISED; i++) deliverToAll({ type: 'ticket.status', status: raised[i], run, now });
    raised.length = 0;
  };
  const deliverTicketEvent = (event: BaselineEvent) => {
    applyEvent(run, event);
    deliverToAll(event);
    deliverRaised(event.now);
  };

  const scripted = events
    .map((e, order) => ({ at: eventTime(createdAt, e.at), order, event: e.event }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  deliverTicketEvent({ type: 'ticket.created', run, now: createdAt });
  let next = 0;
  for (;;) {
    let timer: Timer | undefined;
    for (const t of timers) if (!timer || t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) timer = t;
    const event = scripted[next];
    if (timer && timer.at <= horizon && (!event || timer.at <= event.at)) {
      const fired = timer;
      timers = timers.filter((t) => t !== fired);
      deliver(fired.machine, { type: fired.type, run, now: fired.at });
      deliverRaised(fired.at);
    } else if (event && event.at <= horizon) {
      next++;
      deliverTicketEvent({ ...event.event, run, now: Math.max(event.at, createdAt) });
    } else {
      break;
    }
  }
  const t = run.ticket;
  return {
    ticketId: t.id,
    actions: run.actions,
    final: { status: t.status, priority: t.priority, category: t.category, subcategory: t.subcategory, group: t.group, assignee: t.assignee, tags: t.tags, flags: t.flags },
  };
}
