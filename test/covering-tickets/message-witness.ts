import type { Ticket, TicketEvent, TicketStatus } from '@switchyard/flow';
import { EMPTY_STATS } from '@switchyard/nodes';
import { applyTicketEvent, type TicketState } from '@switchyard/runtime';
import { witnessOf } from './condition-witnesses';
import { answerOf } from './flow-node';
import type { Choice, TicketStep } from './script-steps';

/** Customer messages to send before script steps, so message counters answer as the script needs. */
export interface PriorMessages {
  /** Bodies of the messages sent just before a step, by step. */
  readonly priors: ReadonlyMap<number, readonly string[]>;
  readonly problems: readonly string[];
}

/** More prior messages than this is not a witness worth a sample ticket. */
const MAX_PRIORS = 10;

const send = (state: TicketState, body: string): TicketState => applyTicketEvent(state, { type: 'customer.message', body }, new Date(0));

/**
 * Chooses prior customer messages for `message_count` and `repeated_message`: for each
 * step, the fewest messages (distinct ones, or copies of the step's own message) for which
 * every such condition answered from that step gives the script's port. Messages of the
 * script itself count, and a resolve (a `ticket.status` step to resolved or closed) starts
 * the count again, as the engine's counters do. Nothing can come before `ticket.created`.
 */
export function planPriorMessages(
  neutral: Ticket,
  steps: readonly TicketStep[],
  bodies: ReadonlyMap<number, string>,
  statuses: ReadonlyMap<number, TicketStatus>,
): PriorMessages {
  const byAnchor = new Map<number | undefined, Choice[]>();
  for (const choice of steps.flatMap((s) => s.choices)) {
    if (witnessOf(choice.node.def.type).kind !== 'messages') continue;
    const anchor = steps[choice.step]?.anchor;
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), choice]);
  }
  const priors = new Map<number, readonly string[]>();
  const problems: string[] = [];
  let state: TicketState = { ticket: neutral, stats: EMPTY_STATS };
  for (const step of steps) {
    if (step.kind === 'effect') continue;
    const type = step.played.event.type;
    const own = type === 'customer.message' ? bodies.get(step.index) : undefined;
    const event: TicketEvent | undefined = own === undefined ? undefined : { type: 'customer.message', body: own };
    const choices = byAnchor.get(step.kind === 'created' ? undefined : step.index) ?? [];
    const trials = choices.length === 0 ? [[]] : candidatePriors(step, own);
    const chosen = trials.find((trial) => {
      const after = trial.reduce(send, state);
      const ctx = {
        ticket: after.ticket,
        stats: (own === undefined ? after : send(after, own)).stats,
        now: new Date(0),
        vars: {},
        ...(event ? { event } : {}),
      };
      return choices.every(({ node, port }) => answerOf(node, ctx) === port);
    });
    if (!chosen)
      problems.push(`no ${MAX_PRIORS} prior messages or fewer give ${choices.map((c) => `${c.node.id}=${c.port}`).join(' and ')}`);
    if (chosen?.length) priors.set(step.index, chosen);
    state = (chosen ?? []).reduce(send, state);
    if (own !== undefined) state = send(state, own);
    const status = statuses.get(step.index);
    if (type === 'ticket.status' && status) state = applyTicketEvent(state, { type: 'ticket.status', status }, new Date(0));
  }
  return { priors, problems };
}

/** Prior messages to try before a step, fewest first: distinct ones, then copies of the step's message. */
function candidatePriors(step: TicketStep, own: string | undefined): string[][] {
  if (step.kind === 'created') return [[]];
  const trials: string[][] = [];
  for (let count = 0; count <= MAX_PRIORS; count++) {
    trials.push(Array.from({ length: count }, (_, i) => `样例消息 sample message ${step.index}.${i + 1}`));
    if (count > 0) trials.push(Array.from({ length: count }, () => own ?? `样例消息 sample message ${step.index}.same`));
  }
  return trials;
}
