import type { Ticket, TicketStatus } from '@switchyard/flow';
import { type BaselineEvent, recordStep, type Step } from './baseline-run';

/** The event type every baseline machine declares (XState's `types` idiom is a typed empty object). */
export const machineTypes = { events: {} as BaselineEvent };

/** The one action of every baseline machine: record the step for the host's result. */
export const record = ({ event }: { event: BaselineEvent }, step: Step): void => recordStep(event.run, event.now, step);

type StepOf = (args: { event: BaselineEvent }) => Step;

/** An action object that records a fixed step, or one computed from the event's ticket. */
export const rec = (step: Step | StepOf) => ({ type: 'record' as const, params: step });

/** Guard shorthand: a predicate on the ticket as it is now. */
export const onTicket =
  (test: (ticket: Ticket) => boolean) =>
  ({ event }: { event: BaselineEvent }): boolean =>
    test(event.run.ticket);

/**
 * Guard shorthand for a ticket.status event to one of `statuses`: the event's own status,
 * since a status a machine set may arrive after the ticket moved on.
 */
export const toStatus =
  (...statuses: readonly TicketStatus[]) =>
  ({ event }: { event: BaselineEvent }): boolean =>
    event.status !== undefined && statuses.includes(event.status);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Delay until `offset` after the ticket's creation, as wait_for_event's `from: ticket_created`. */
export const sinceCreated =
  (offset: number) =>
  ({ event }: { event: BaselineEvent }): number =>
    Math.max(0, Date.parse(event.run.ticket.createdAt) + offset - event.now);

/** Escalation step: raises the level, never lowers it. */
export const escalation = (ticket: Ticket, level: number, to: string, reason: string): Step => ({
  type: 'escalate',
  params: { level, to, reason },
  patch: { escalationLevel: Math.max(ticket.escalationLevel, level) },
});
