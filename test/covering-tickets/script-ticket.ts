import type { CompiledFlow } from '@switchyard/compiler';
import { formatDuration, Ticket, type TicketEvent } from '@switchyard/flow';
import type { NodeRegistry } from '@switchyard/nodes';
import { DEFAULT_CREATED_AT, eventTime, SampleTicket, type SampleTicketInput } from '@switchyard/runtime';
import { solveCreatedAt } from './clock-witness';
import { solveFields } from './field-witness';
import { planPriorMessages } from './message-witness';
import { describeScript, type ReadScript, type TicketStep } from './script-steps';
import { timeScript } from './script-timeline';
import { messageBodies, ticketText } from './text-witness';
import { checkWitnesses } from './witness-check';

/**
 * The ticket every sample starts from: nothing decided yet, a standard customer, and text
 * that trips no keyword and names no order, created on a Monday at 09:00 in Shanghai.
 */
export const NEUTRAL_TICKET: Ticket = Ticket.parse({
  id: 'sample',
  channel: 'web',
  subject: '样例工单 sample ticket',
  body: '样例内容 sample text',
  customer: { id: 'c-sample', name: '样例客户 Sample customer' },
  createdAt: DEFAULT_CREATED_AT,
});

/** A sample ticket made from one script, with what it should do. */
export interface ScriptTicket {
  readonly ticket: SampleTicket;
  /** The nodes the script walks, in order (the steered machine's path). */
  readonly expected: readonly string[];
  /** Why the ticket may not walk its script: a cut script, a witness not made, two witnesses in conflict. */
  readonly problems: readonly string[];
}

/** Agent replies in a script come from this agent (no flow of the examples reads who replied). */
const REPLYING_AGENT = 'sample-agent';

/**
 * Turns a script into a sample ticket: the neutral ticket, the witnesses that make each
 * condition answer the script's port, the script's ticket events on the virtual clock
 * (prior customer messages where counters need them), then a check of every witness.
 * @example
 * const { ticket, expected, problems } = scriptTicket(compiled, registry, readScript(compiled, registry, played), 'flow#1');
 */
export function scriptTicket(
  compiled: CompiledFlow,
  registry: NodeRegistry,
  { steps, problems: cut }: ReadScript,
  id: string,
): ScriptTicket {
  const fields = solveFields(NEUTRAL_TICKET, steps);
  const bodies = messageBodies(steps);
  const { priors, problems: messageProblems } = planPriorMessages(fields.ticket, steps, bodies, fields.statuses);
  const timeline = timeScript(compiled, registry, fields.ticket, steps, (step) => priors.get(step)?.length ?? 0);
  // Waits count from the step or from creation, never from a date: business hours may shift the whole ticket after.
  const clock = solveCreatedAt(fields.ticket, steps, timeline.at);

  const events: { at: number; event: TicketEvent }[] = [];
  const scripted = new Map<number, number>();
  for (const step of steps) {
    const times = timeline.priorsAt.get(step.index) ?? [];
    (priors.get(step.index) ?? []).forEach((body, i) => events.push({ at: times[i] ?? 0, event: { type: 'customer.message', body } }));
    if (step.kind !== 'ticket') continue;
    scripted.set(step.index, events.length);
    const status = fields.statuses.get(step.index);
    const score = fields.scores.get(step.index);
    events.push({ at: timeline.at[step.index] ?? 0, event: scriptedEvent(step, bodies.get(step.index) ?? '', status, score) });
  }
  const input: SampleTicketInput = {
    ...fields.ticket,
    ...ticketText(NEUTRAL_TICKET, steps),
    id,
    createdAt: clock.createdAt,
    events: events.map(({ at, event }) => ({ at: offset(clock.createdAt, at), ...event })),
    note: describeScript(steps),
  };
  const ticket = SampleTicket.parse(input);
  const problems = [...cut, ...fields.problems, ...messageProblems, ...timeline.problems, ...clock.problems];
  problems.push(...checkWitnesses(ticket, steps, timeline.at, scripted));
  return { ticket, expected: steps.flatMap((s) => s.played.visits), problems };
}

/** The ticket event of a scripted step, with the body, status or score its witnesses chose. */
function scriptedEvent(step: TicketStep, body: string, status: SampleTicket['status'] | undefined, score: number | undefined): TicketEvent {
  const type = step.played.event.type;
  switch (type) {
    case 'customer.message':
      return { type, body };
    case 'agent.reply':
      return { type, agentId: REPLYING_AGENT, body };
    case 'ticket.status':
      return { type, status: status ?? 'processing' };
    case 'survey.response':
      return { type, score: score ?? 5 };
    default:
      throw new Error(`step ${step.index}: ${type} is no ticket event a sample can script`);
  }
}

/** "+16m" when that reads back exactly, else the ISO time: how a sample-ticket author writes `at`. */
function offset(createdAt: string, ms: number): string {
  const relative = `+${formatDuration(ms)}`;
  const created = Date.parse(createdAt);
  return eventTime(created, relative) === created + ms ? relative : new Date(created + ms).toISOString();
}
