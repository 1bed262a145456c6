import type { Decision } from '@switchyard/compiler';
import { type Ticket, TicketEventType } from '@switchyard/flow';
import type { CalendarBook, NodeRegistry, Roster, TicketStats } from '@switchyard/nodes';
import type { Insertable, Selectable } from 'kysely';
import type { AuditEntry, AuditFact } from '../audit/audit-entry';
import { customerDetailMasker } from '@switchyard/api';
import { sealCustomer } from '../data-keys/customer-fields';
import type { DataKeyRing } from '../data-keys/data-key-ring';
import type { OutboxTable, TicketEventsTable, TicketFlowsTable, TimersTable } from '../db/schema';
import { effectRequestShape, effectResultShape, type StoredEffectRequest, ticketEventShape } from '../db/stored/effect-shapes';
import { flowSnapshotShape, type PersistedSnapshot } from '../db/stored/flow-snapshot-shape';
import { flowVisitsShape } from '../db/stored/flow-visits-shape';
import { readStored } from '../db/stored/read-stored';
import type { FlowSnapshot } from '../engine/advance-flow';
import { createEffectRunner, type EffectRequest } from '../engine/effect-runner';
import { flowAt } from '../engine/flow-at';
import type { PreparedFlow } from '../engine/prepared-flow';
import { createTicketRun } from '../engine/ticket-run';
import { afterTicketEvent, countTimerFiring, TIMER_LOOP_MESSAGES, type TimerFirings, type TimerLoop } from '../engine/timer-loop-guard';
import { createVirtualTimers } from '../engine/virtual-timers';
import { versionKey } from './flow-cache';
import { isMissedDeadline } from './missed-deadline';
import { rosterLoad } from '../backtest/roster-load';

/** What a worker loaded for one claimed ticket. */
export interface TicketWork {
  readonly ticket: Ticket;
  readonly stats: TicketStats;
  readonly bindings: readonly Selectable<TicketFlowsTable>[];
  /** Unapplied events, in id order. */
  readonly events: readonly Selectable<TicketEventsTable>[];
  /** Every timer of the ticket (due or not). */
  readonly timers: readonly Selectable<TimersTable>[];
}

/** What the store must write for one ticket, computed without touching it. */
export interface TicketWorkResult {
  readonly ticket: Ticket;
  readonly stats: TicketStats;
  /** When the ticket next needs a worker: its earliest timer, or null. */
  readonly wakeAt: Date | null;
  /** Flows whose snapshot or visit counts changed. */
  readonly flows: readonly { flowId: string; snapshot: PersistedSnapshot | null; visits: Record<string, number> }[];
  /** The ticket's timers after the run, when they changed. */
  readonly timers: readonly Insertable<TimersTable>[] | undefined;
  readonly outbox: readonly Insertable<OutboxTable>[];
  readonly audit: readonly AuditEntry[];
  readonly appliedEventIds: readonly string[];
  /** Due times (ms) of the timers this run fired, for their lateness (metrics). */
  readonly firedTimers: readonly number[];
}

// The stored shapes live in db/stored/ with their schemas; re-exported for the durable code that names them here.
export type { EffectResultPayload, StoredEffectRequest } from '../db/stored/effect-shapes';
export type { PersistedSnapshot } from '../db/stored/flow-snapshot-shape';

/** Flag put on a ticket when one of its effects was given up (dead-lettered). */
export const EFFECT_FAILED_FLAG = 'effect_failed';

const SYSTEM_ACTOR = 'runtime';
const TICKET_EVENT_TYPES: ReadonlySet<string> = new Set(TicketEventType.options);

/**
 * Runs a claimed ticket's due work in memory: its unapplied events and due timers in time
 * order (a timer due at an event's time fires first), through the shared ticket engine.
 * Pure actions run here; side-effecting ones become outbox rows; every step becomes an
 * audit row. Nothing is written: the caller commits the outcome in one transaction.
 */
export async function runTicketWork(
  work: TicketWork,
  prepared: ReadonlyMap<string, PreparedFlow>,
  /** `keys` seals the customer's name and contact in the outbox rows (they hold the ticket as the action will see it). */
  options: {
    readonly registry: NodeRegistry;
    readonly roster: Roster;
    readonly now: Date;
    readonly keys: DataKeyRing;
    /** Business calendars (issue 21); the shipped default when absent. */
    readonly calendars?: CalendarBook;
  },
): Promise<TicketWorkResult> {
  const ticketId = work.ticket.id;
  const nowMs = options.now.getTime();
  const flows = work.bindings.map((b) => {
    const flow = prepared.get(versionKey(b.flow_id, b.version));
    if (!flow) throw new Error(`flow ${b.flow_id} version ${b.version} was not loaded`);
    return flow;
  });
  const flowIds = work.bindings.map((b) => b.flow_id);
  const indexOf = new Map(flowIds.map((id, i) => [id, i]));
  const stored = work.bindings.map((b) =>
    b.snapshot === null ? null : readStored(flowSnapshotShape, b.snapshot, { table: 'ticket_flows', key: `${b.ticket_id}/${b.flow_id}` }),
  );
  const snapshots = flows.map((flow, i) => restore(flow, flowAt(stored, i)));
  const firings = stored.map((s) => s?.timerFirings);
  const storedVisits = work.bindings.map((b) =>
    readStored(flowVisitsShape, b.visits, { table: 'ticket_flows', key: `${b.ticket_id}/${b.flow_id}` }),
  );
  const visits = new Map<string, number>();
  for (const [i, own] of storedVisits.entries())
    for (const [node, n] of Object.entries(own)) visits.set(`${flowAt(flows, i).compiled.id}/${node}`, n);

  const audit: AuditEntry[] = [];
  // The audit never holds the customer's name or contact, even inside a rendered reply.
  const maskCustomer = customerDetailMasker(work.ticket.customer);
  const record = (at: Date, flow: number | undefined, fact: AuditFact) =>
    audit.push({
      at,
      actor: SYSTEM_ACTOR,
      ticketId,
      flowId: flow === undefined ? null : flowAt(flowIds, flow),
      ...maskCustomer(fact),
    });
  const outbox: Insertable<OutboxTable>[] = [];
  const timers = createVirtualTimers();
  for (const t of work.timers) {
    const flow = indexOf.get(t.flow_id);
    if (flow !== undefined) timers.schedule(flow, { id: t.timer_id, eventType: t.event_type, delayMs: t.due_at.getTime() }, 0);
  }
  let timersChanged = false;
  const movedFlows = new Set<number>();
  // Timers of this run that were due as soon as scheduled (a deadline already passed): `flow/id`.
  // Never stored: such a timer is due by this run's `now`, so it fires before the run ends.
  const dueWhenScheduled = new Set<string>();

  const run = createTicketRun({ ticket: work.ticket, stats: work.stats }, flows, snapshots, {
    ...(options.calendars ? { calendars: options.calendars } : {}),
    runAction: createEffectRunner({
      registry: options.registry,
      roster: options.roster,
      visits,
      explain: true,
      defer: ({ request, idempotencyKey }) => {
        const flow = flows.findIndex((f) => f.compiled === request.flow);
        outbox.push(outboxRow(request, flowAt(flowIds, flow), flowAt(work.bindings, flow).version, idempotencyKey, options));
        record(new Date(request.now), flow, { kind: 'effect.queued', detail: { node: request.node, idempotencyKey } });
      },
    }),
    schedule(flow, timer, now) {
      timersChanged = true;
      if (timer.delayMs <= 0) dueWhenScheduled.add(`${flow}/${timer.id}`);
      else dueWhenScheduled.delete(`${flow}/${timer.id}`);
      timers.schedule(flow, timer, now);
    },
    cancel(flow, ids) {
      timersChanged = true;
      timers.cancel(flow, ids);
    },
    cancelFlow(flow) {
      timersChanged = true;
      timers.cancelFlow(flow);
    },
    // The trace (GET /api/tickets/:id/trace) shows each condition's answer and inputs from these records.
    explains: true,
    moved(flow, from, to, visited, eventType, now, decisions) {
      movedFlows.add(flow);
      if (TICKET_EVENT_TYPES.has(eventType)) firings[flow] = afterTicketEvent(firings[flow], now);
      const missedDeadline = isMissedDeadline(flowAt(flows, flow).compiled, eventType, from.value, visited);
      record(new Date(now), flow, {
        kind: 'flow.transition',
        detail: {
          event: eventType,
          from: from.value,
          to: to.value,
          visits: [...visited],
          ...(missedDeadline ? { missedDeadline } : {}),
          ...(decisions?.length ? { decisions: decisions.map(storedDecision) } : {}),
        },
      });
    },
    action: (flow, action) =>
      record(new Date(action.at), flow, {
        kind: 'action',
        detail: {
          node: action.node,
          type: action.type,
          params: action.params,
          ...rosterLoad(action.type, options.roster),
          ...(action.inputs ? { inputs: { ...action.inputs } } : {}),
        },
      }),
    error: (flow, error) =>
      record(new Date(error.at), flow, {
        kind: 'flow.error',
        detail: { ...(error.node ? { node: error.node } : {}), message: error.message },
      }),
  });

  let deadLettered = false;
  const firedTimers: number[] = [];
  let next = 0;
  for (;;) {
    const event = work.events[next];
    const timer = timers.takeDue(event ? Math.min(event.at.getTime(), nowMs) : nowMs);
    let loop: TimerLoop | undefined;
    if (timer) {
      timersChanged = true;
      ({ firings: firings[timer.flow], loop } = countTimerFiring(
        firings[timer.flow],
        timer.at,
        dueWhenScheduled.has(`${timer.flow}/${timer.id}`),
      ));
    }
    if (timer && loop) {
      run.stopFlow(timer.flow, timer.at, TIMER_LOOP_MESSAGES[loop]);
    } else if (timer) {
      firedTimers.push(timer.at);
      record(new Date(timer.at), timer.flow, { kind: 'timer.fired', detail: { timerId: timer.id } });
      await run.deliverTimer(timer.flow, timer.eventType, timer.at);
    } else if (event) {
      next++;
      const at = event.at.getTime();
      const flow = event.flow_id === null ? undefined : indexOf.get(event.flow_id);
      if (event.flow_id === null) {
        record(event.at, undefined, { kind: 'event.applied', detail: { eventId: event.id, type: event.type } });
        await run.deliverTicketEvent(readStored(ticketEventShape, event.payload, { table: 'ticket_events', key: event.id }), at);
      } else if (flow !== undefined && event.node_id !== null) {
        const result = readStored(effectResultShape, event.payload, { table: 'ticket_events', key: event.id });
        deadLettered ||= result.dead === true;
        await run.deliverEffectResult(flow, event.node_id, result.outcome, at, result.event);
      }
    } else {
      break;
    }
  }

  const ticket =
    deadLettered && !run.state.ticket.flags.includes(EFFECT_FAILED_FLAG)
      ? { ...run.state.ticket, flags: [...run.state.ticket.flags, EFFECT_FAILED_FLAG] }
      : run.state.ticket;
  const pendingTimers = timers.pending();
  const earliest = pendingTimers.reduce((min, t) => Math.min(min, t.at), Number.POSITIVE_INFINITY);
  const changedFlows = work.bindings.flatMap((b, i) => {
    const visitsOfFlow = visitsOf(visits, flowAt(flows, i).compiled.id);
    const visitsChanged = JSON.stringify(visitsOfFlow) !== JSON.stringify(storedVisits[i]);
    if (!movedFlows.has(i) && !visitsChanged && run.snapshots[i] === snapshots[i] && firings[i] === stored[i]?.timerFirings) return [];
    return [{ flowId: b.flow_id, snapshot: persist(flowAt(run.snapshots, i), firings[i]), visits: visitsOfFlow }];
  });
  return {
    ticket,
    stats: run.state.stats,
    wakeAt: Number.isFinite(earliest) ? new Date(earliest) : null,
    flows: changedFlows,
    timers: timersChanged
      ? pendingTimers.map((t) => ({
          ticket_id: ticketId,
          flow_id: flowAt(flowIds, t.flow),
          timer_id: t.id,
          event_type: t.eventType,
          due_at: new Date(t.at),
        }))
      : undefined,
    outbox,
    audit,
    appliedEventIds: work.events.map((e) => e.id),
    firedTimers,
  };
}

/** A decision as the audit stores it (a plain record for the inputs). */
function storedDecision(d: Decision): { node: string; answer: string; inputs?: Record<string, unknown> } {
  return d.inputs ? { node: d.node, answer: d.answer, inputs: { ...d.inputs } } : { node: d.node, answer: d.answer };
}

function restore(flow: PreparedFlow, stored: PersistedSnapshot | null): FlowSnapshot {
  if (stored === null) return flow.idle;
  // resolveState rebuilds a full snapshot from the stored state value and context (the timer firings are the host's).
  return flow.machine.resolveState({ value: stored.value, context: stored.context });
}

function persist(snapshot: FlowSnapshot, timerFirings: TimerFirings | undefined): PersistedSnapshot {
  return { value: snapshot.value, context: snapshot.context, ...(timerFirings ? { timerFirings } : {}) };
}

function visitsOf(visits: ReadonlyMap<string, number>, compiledFlowId: string): Record<string, number> {
  const prefix = `${compiledFlowId}/`;
  const own: Record<string, number> = {};
  for (const [key, n] of visits) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = n;
  return own;
}

function outboxRow(
  request: EffectRequest,
  flowId: string,
  version: number,
  idempotencyKey: string,
  { now, keys }: { readonly now: Date; readonly keys: DataKeyRing },
): Insertable<OutboxTable> {
  const { ticket } = request.state;
  const stored: StoredEffectRequest = {
    ticket: { ...ticket, customer: sealCustomer(keys, ticket.customer) },
    stats: request.state.stats,
    now: request.now,
    event: request.event,
    vars: request.vars,
  };
  return {
    ticket_id: request.state.ticket.id,
    flow_id: flowId,
    version,
    node_id: request.node,
    idempotency_key: idempotencyKey,
    request: effectRequestShape.json(stored),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    lease_until: null,
    last_error: null,
    result: null,
    created_at: now,
    done_at: null,
  };
}
