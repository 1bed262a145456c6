import type { TicketEvent } from '@switchyard/flow';
import { EMPTY_STATS, type NodeContext } from '@switchyard/nodes';
import { applyTicketEvent, eventTime, type SampleTicket, type TicketState } from '@switchyard/runtime';
import { witnessOf } from './condition-witnesses';
import { answerOf, gateOpens } from './flow-node';
import type { TicketStep } from './script-steps';

/**
 * Checks a generated ticket against its script before any dry-run: replays its events on
 * the ticket as the engine applies them (status, message counters; not the flow's own
 * actions, which the dry-run adds), and asks every gate and condition of each step, with
 * the real node code, whether it answers as the script needs. Returns one line per miss:
 * a witness that could not be made, or two that contradict each other.
 * @param scripted the index in `ticket.events` of each scripted step's event
 */
export function checkWitnesses(
  ticket: SampleTicket,
  steps: readonly TicketStep[],
  at: readonly number[],
  scripted: ReadonlyMap<number, number>,
): string[] {
  const { events, expect: _expect, note: _note, ...fields } = ticket;
  const created = Date.parse(fields.createdAt);
  // The dry-run's order: by time, then as listed.
  const ordered = events
    .map((e, index) => ({ index, time: eventTime(created, e.at), event: e.event }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const seen: number[] = [];
  const payloads: (TicketEvent | undefined)[] = [];
  const problems: string[] = [];
  for (const step of steps) {
    const own = scripted.get(step.index);
    const position = ordered.findIndex((e) => e.index === own);
    const time = created + (at[step.index] ?? 0);
    seen[step.index] =
      step.kind === 'ticket'
        ? position + 1
        : step.kind === 'timer'
          ? ordered.filter((e) => e.time < time).length
          : step.kind === 'effect'
            ? (seen[step.index - 1] ?? 0)
            : 0;
    payloads[step.index] =
      step.kind === 'ticket'
        ? ordered[position]?.event
        : step.kind === 'created'
          ? { type: 'ticket.created' }
          : step.kind === 'effect'
            ? payloads[step.index - 1]
            : undefined;
    const state = ordered
      .slice(0, seen[step.index])
      .reduce<TicketState>((s, e) => applyTicketEvent(s, e.event, new Date(e.time)), { ticket: fields, stats: EMPTY_STATS });
    const event = payloads[step.index];
    const ctx: NodeContext = { ticket: state.ticket, stats: state.stats, now: new Date(time), vars: {}, ...(event ? { event } : {}) };
    if (step.gate && !gateOpens(step.gate, ctx)) problems.push(`${step.gate.id} does not let ${step.played.event.type} through`);
    for (const { node, port } of step.choices) {
      const answer = safely(() => answerOf(node, ctx));
      if (answer === port) continue;
      const witness = witnessOf(node.def.type);
      const why = witness.kind === 'none' ? ` (${witness.reason})` : '';
      problems.push(`${node.id} answers ${answer}, the script needs ${port}${why}`);
    }
  }
  return problems;
}

function safely(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return `an error (${error instanceof Error ? error.message : String(error)})`;
  }
}
