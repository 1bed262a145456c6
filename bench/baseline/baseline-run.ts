import type { Ticket, TicketPatch, TicketStatus } from '@switchyard/flow';
import type { Roster } from '@switchyard/nodes';

/** An action a hand-written machine performed, in the dry-run contract's shape. */
export interface RecordedAction {
  readonly at: string;
  readonly flow: string;
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** What a machine asks the host to record: the action, its parameters and its effect on the ticket. */
export interface Step {
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly patch?: TicketPatch;
}

/** Counters the hand-written guards read (the same the Switchyard host keeps). */
export interface Counters {
  customerMessages: number;
  agentReplies: number;
  recentMessages: string[];
}

/** One ticket's run, shared by the ten machines: the host owns it, machines read it through events. */
export interface Run {
  ticket: Ticket;
  readonly counters: Counters;
  readonly roster: Roster;
  readonly actions: RecordedAction[];
  /** The machine the host is delivering to, so recorded actions name their flow. */
  flow: string;
  /** Statuses set by machines' actions in the current step, oldest first: the host delivers them as `ticket.status` events. */
  readonly raised: TicketStatus[];
}

/** Every event the host sends a baseline machine: ticket events, and timer events it raised. */
export interface BaselineEvent {
  readonly type: string;
  readonly run: Run;
  /** Virtual clock, epoch milliseconds. */
  readonly now: number;
  /** customer.message / agent.reply text. */
  readonly body?: string;
  /** ticket.status: the new status. */
  readonly status?: TicketStatus;
  /** agent.action: what the agent did (take, note, ...). */
  readonly action?: string;
  /** approval.decided: the flow and node asked, and the decision. */
  readonly flow?: string;
  readonly node?: string;
  readonly decision?: 'approve' | 'reject';
}

const RECENT = 10;

/**
 * Records an action and applies its patch; a resolve restarts the message count, like the
 * real host. A status change is queued for the host to deliver to every machine.
 */
export function recordStep(run: Run, now: number, step: Step): void {
  run.actions.push({ at: new Date(now).toISOString(), flow: run.flow, type: step.type, params: step.params });
  if (!step.patch) return;
  const status = step.patch.status;
  if (status !== undefined && status !== run.ticket.status) {
    if (status === 'resolved' || status === 'closed') {
      run.counters.customerMessages = 0;
      run.counters.recentMessages = [];
    }
    run.raised.push(status);
  }
  run.ticket = { ...run.ticket, ...step.patch };
}

/** What a ticket event does to the ticket itself before machines see it. */
export function applyEvent(run: Run, event: BaselineEvent): void {
  if (event.type === 'customer.message') {
    run.counters.customerMessages++;
    run.counters.recentMessages = [...run.counters.recentMessages, event.body ?? ''].slice(-RECENT);
  } else if (event.type === 'agent.reply') {
    run.counters.agentReplies++;
  } else if (event.type === 'ticket.status' && event.status) {
    run.ticket = { ...run.ticket, status: event.status };
    if (event.status === 'resolved' || event.status === 'closed') {
      run.counters.customerMessages = 0;
      run.counters.recentMessages = [];
    }
  }
}
