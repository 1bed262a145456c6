import { type FlowEvent, NodeCodeError } from '@switchyard/compiler';
import { FINAL_FIELDS, type Ticket, type TicketEvent } from '@switchyard/flow';
import {
  type ActionContext,
  type ActionResult,
  EMPTY_STATS,
  type NodeRegistry,
  renderTemplate,
  type Roster,
  templateView,
} from '@switchyard/nodes';
import { canMove } from '../engine/accepted-events';
import { advanceFlow, type FlowSnapshot, type FlowStep } from '../engine/advance-flow';
import { applyPatch, applyTicketEvent, type TicketState } from '../engine/ticket-state';
import type { DryRunAction, DryRunError, DryRunResult } from './dry-run-result';
import type { PreparedFlow } from './prepared-flow';
import { eventTime, type SampleTicket } from './sample-ticket';

export interface DryRunOptions {
  readonly registry: NodeRegistry;
  readonly roster: Roster;
  /** A run stops this long after the ticket's creation (the contract says 30 days). */
  readonly horizonMs?: number;
}

const THIRTY_DAYS = 30 * 86_400_000;

interface PendingTimer {
  readonly at: number;
  readonly seq: number;
  readonly flow: number;
  readonly id: string;
  readonly eventType: string;
}

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
 */
export async function dryRunTicket(sample: SampleTicket, flows: readonly PreparedFlow[], options: DryRunOptions): Promise<DryRunResult> {
  const { events, expect: _expect, note: _note, ...fields } = sample;
  const createdAt = Date.parse(fields.createdAt);
  const horizon = createdAt + (options.horizonMs ?? THIRTY_DAYS);
  let state: TicketState = { ticket: fields, stats: EMPTY_STATS };
  const snapshots: FlowSnapshot[] = flows.map((f) => f.idle);
  const visitCounts = new Map<string, number>();
  let timers: PendingTimer[] = [];
  let timerSeq = 0;
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

  const runEffect = async (flow: PreparedFlow, nodeId: string, now: number, payload: TicketEvent | undefined, vars: Record<string, unknown>): Promise<Message> => {
    const node = flow.compiled.nodes[nodeId]!;
    const def = options.registry.get(node.type, node.version);
    if (def?.kind !== 'action') return { type: 'effect.error', node: nodeId, error: `node ${nodeId} is not an action` };
    const visit = (visitCounts.get(`${flow.compiled.id}/${nodeId}`) ?? 0) + 1;
    visitCounts.set(`${flow.compiled.id}/${nodeId}`, visit);
    const ctx: ActionContext = {
      ticket: state.ticket,
      stats: state.stats,
      now: new Date(now),
      event: payload,
      vars,
      roster: options.roster,
      idempotencyKey: `${state.ticket.id}:${flow.compiled.id}:${nodeId}:${visit}`,
      render: (template) => renderTemplate(template, templateView(ctx)),
    };
    try {
      const pending = def.sideEffect ? (def.simulate?.(ctx, node.config) ?? {}) : def.run(ctx, node.config);
      const result: ActionResult = pending instanceof Promise ? await pending : pending;
      state = applyPatch(state, result.patch);
      actions.push({
        at: isoAt(now),
        flow: flow.compiled.id,
        node: nodeId,
        type: node.type,
        params: result.params ?? (node.config as Record<string, unknown>),
      });
      // One object shape for every message: spreading optional fields made this the host's hottest line.
      return { type: 'effect.done', node: nodeId, output: result.output, payload };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      lastError.set(`${flow.compiled.id}/${nodeId}`, message);
      return { type: 'effect.error', node: nodeId, error: message, payload };
    }
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
        errors.push({
          at: new Date(now).toISOString(),
          flow: flow.compiled.id,
          ...(error instanceof NodeCodeError ? { node: error.node } : {}),
          message: error instanceof Error ? error.message : String(error),
        });
        snapshots[index] = flow.idle;
        timers = timers.filter((t) => t.flow !== index);
        return;
      }
      snapshots[index] = step.snapshot;
      for (const node of step.visits) {
        path.push(node);
        paths[flow.compiled.id]!.push(node);
      }
      if (step.cancels.length) timers = timers.filter((t) => t.flow !== index || !step.cancels.includes(t.id));
      for (const timer of step.timers) timers.push({ at: now + timer.delayMs, seq: timerSeq++, flow: index, id: timer.id, eventType: timer.eventType });
      for (const node of step.failures) {
        errors.push({
          at: new Date(now).toISOString(),
          flow: flow.compiled.id,
          node,
          message: `action ${node} failed: ${lastError.get(`${flow.compiled.id}/${node}`) ?? 'unknown error'}`,
        });
      }
      const vars = (step.snapshot.context).vars;
      for (const node of step.effects) queue.push(await runEffect(flow, node, now, message.payload, vars));
    }
  };

  const deliverTicketEvent = async (event: TicketEvent, now: number) => {
    state = applyTicketEvent(state, event, new Date(now));
    for (let i = 0; i < flows.length; i++) {
      // Checked here too so the flows an event cannot move cost no async call.
      if (canMove(flows[i]!.accepts, snapshots[i]!, event.type)) await deliver(i, { type: event.type, payload: event }, now);
    }
  };

  const scripted = events
    .map((e, order) => ({ at: eventTime(createdAt, e.at), order, event: e.event }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  await deliverTicketEvent({ type: 'ticket.created' }, createdAt);
  let next = 0;
  for (;;) {
    const timer = timers.reduce<PendingTimer | undefined>((best, t) => (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq) ? t : best), undefined);
    const scriptedEvent = scripted[next];
    if (timer && timer.at <= horizon && (!scriptedEvent || timer.at <= scriptedEvent.at)) {
      timers = timers.filter((t) => t !== timer);
      await deliver(timer.flow, { type: timer.eventType }, timer.at);
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
