import type { Ticket } from '@switchyard/flow';
import { EMPTY_STATS } from '@switchyard/nodes';
import { witnessOf } from './condition-witnesses';
import { answerOf } from './flow-node';
import type { TicketStep } from './script-steps';

const FIVE_MINUTES = 5 * 60_000;
const ONE_WEEK = 7 * 86_400_000;

/**
 * The creation time for the script's `business_hours` conditions. They read `now`, the
 * time of the step that evaluates them (creation for a `ticket.created` run, later for a
 * timer or a scripted event), so the whole ticket is shifted: creation times every five
 * minutes over the week from the neutral one are tried until every such condition answers
 * the script's port at its step's time. Without such conditions the neutral time stays.
 */
export function solveCreatedAt(
  neutral: Ticket,
  steps: readonly TicketStep[],
  at: readonly number[],
): { createdAt: string; problems: string[] } {
  const choices = steps.flatMap((s) => s.choices).filter((c) => witnessOf(c.node.def.type).kind === 'clock');
  if (choices.length === 0) return { createdAt: neutral.createdAt, problems: [] };
  const start = Date.parse(neutral.createdAt);
  for (let created = start; created < start + ONE_WEEK; created += FIVE_MINUTES) {
    const holds = choices.every(({ step, node, port }) => {
      const ctx = { ticket: neutral, stats: EMPTY_STATS, now: new Date(created + (at[step] ?? 0)), vars: {} };
      return answerOf(node, ctx) === port;
    });
    if (holds) return { createdAt: new Date(created).toISOString(), problems: [] };
  }
  return {
    createdAt: neutral.createdAt,
    problems: [`no creation time in a week gives ${choices.map((c) => `${c.node.id}=${c.port}`).join(' and ')}`],
  };
}
